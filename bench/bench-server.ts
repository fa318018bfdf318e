import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const SERVER = fileURLToPath(new URL("../apps/api/src/main.js", import.meta.url));

export interface BenchServer {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/**
 * The built server as a child process on a random port over `dataDir`, with no write rate
 * limit, quiet logs and nothing of the caller's environment but PATH; `env` adds the
 * section's own settings (a secret, the demo).
 */
export async function startBenchServer(dataDir: string, env: Readonly<Record<string, string>>): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, [SERVER], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      PORT: "0",
      HOST: "127.0.0.1",
      MANDAT_WRITES_PER_MINUTE: "0",
      MANDAT_SQLITE_PATH: join(dataDir, "mandat.sqlite"),
      MANDAT_READ_MODELS_PATH: join(dataDir, "read-models.sqlite"),
      MANDAT_KEYS_PATH: join(dataDir, "keys.sqlite"),
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const url = output.match(/Mandat is running at (http:\/\/\S+)/)?.[1];
    if (url) return { url, stop };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  await stop();
  throw new Error(`The server did not start:\n${output}`);
}

import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

// The bundle, as npm start and the Docker image run it (dist/bench/ -> dist/bundle/).
const SERVER = fileURLToPath(new URL("../bundle/api.js", import.meta.url));
const BARE_SERVER = fileURLToPath(new URL("./bare-server.js", import.meta.url));

export interface BenchServer {
  /** Mandat's server, or the bare baseline. */
  readonly kind: "real" | "bare";
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/**
 * `script` as a child process in `cwd` with nothing of the caller's environment but PATH and `env`,
 * once it prints "... is running at <url>"; its output is shown only if it fails to start.
 */
async function startChild(
  kind: BenchServer["kind"],
  script: string,
  cwd: string,
  env: Readonly<Record<string, string>>,
  nodeArgs: ReadonlyArray<string> = [],
): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
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
    const url = output.match(/is running at (http:\/\/\S+)/)?.[1];
    if (url) return { kind, url, stop };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  await stop();
  throw new Error(`${script} did not start:\n${output}`);
}

/**
 * Where the real server writes a CPU profile of its whole run (BENCH_SERVER_CPU_PROF, a
 * directory): to see where a load's time goes in the server, not in the bench.
 */
const profiling = (): string[] => {
  const directory = process.env.BENCH_SERVER_CPU_PROF;
  return directory ? ["--cpu-prof", `--cpu-prof-dir=${directory}`] : [];
};

/**
 * The built server as a child process on a random port over `dataDir`, with no write rate
 * limit and quiet logs; `env` adds the section's own settings (a secret, the demo).
 */
export const startBenchServer = (dataDir: string, env: Readonly<Record<string, string>>): Promise<BenchServer> =>
  startChild(
    "real",
    SERVER,
    dataDir,
    {
      PORT: "0",
      HOST: "127.0.0.1",
      MANDAT_WRITES_PER_MINUTE: "0",
      MANDAT_SQLITE_PATH: join(dataDir, "mandat.sqlite"),
      MANDAT_READ_MODELS_PATH: join(dataDir, "read-models.sqlite"),
      MANDAT_KEYS_PATH: join(dataDir, "keys.sqlite"),
      LOG_LEVEL: "warn",
      ...env,
    },
    profiling(),
  );

/** The bare Fastify baseline (bare-server.ts) over a log file in `dataDir`, checking tokens signed with `secret`. */
export const startBareServer = (dataDir: string, secret: string): Promise<BenchServer> =>
  startChild("bare", BARE_SERVER, dataDir, { BARE_SQLITE_PATH: join(dataDir, "bare.sqlite"), AUTH_JWT_SECRET: secret });

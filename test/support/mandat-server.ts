import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { ProviderRole } from "#domain";
import { signToken } from "#platform";
import { afterAll, beforeAll } from "vitest";
import { coreTeamClient } from "./people.js";

/**
 * End-to-end support: the real server (`node dist/bundle/api.js`, as `npm run build`
 * leaves it) as a child process on a random port over a temporary data folder, and a tiny
 * fetch client. Every child is killed when the test process exits, whatever happened.
 */

/** The HS256 secret every e2e server is started with (48 characters), so tests sign their own tokens. */
export const TEST_SECRET = "e2e-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

const SERVER_BINARY = fileURLToPath(new URL("../../dist/bundle/api.js", import.meta.url));

const STARTUP_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 15_000;

const children = new Set<ChildProcess>();
const killChildren = () => {
  for (const child of children) child.kill("SIGKILL");
};
// However the test process ends, no server outlives it: on exit, and on a signal (which is
// then raised again, so the process ends as it would have).
process.on("exit", killChildren);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    killChildren();
    process.kill(process.pid, signal);
  });
}

export interface StartOptions {
  /** MANDAT_DEMO; undefined leaves it unset (the embedded default: demo history in an empty log). */
  readonly demo?: "on" | "off";
  /** Start on this data folder (to restart on the same data); default: a fresh temporary one. */
  readonly dataDir?: string;
  /**
   * Leave MANDAT_SQLITE_PATH, MANDAT_READ_MODELS_PATH and MANDAT_KEYS_PATH unset: the server's
   * defaults, under ./data of its working directory, the data folder. Default: every file
   * named directly in the data folder.
   */
  readonly defaultPaths?: boolean;
  /** AUTH_JWT_SECRET; null leaves it unset (a generated secret, or OIDC through `env`). Default: TEST_SECRET. */
  readonly secret?: string | null;
  /** More variables; undefined values remove a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly startupTimeoutMs?: number;
  /** What start waits for: GET /health answered 200 (default), or answered at all (a server that cannot become ready). */
  readonly until?: "ready" | "answering";
}

export interface MandatServer {
  readonly url: string;
  readonly dataDir: string;
  /** Sends the signal and resolves with the exit code (null when a signal ended it). */
  readonly stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  readonly output: () => string;
  /** Stops the server (if running) and removes a data folder this helper created. */
  readonly dispose: () => Promise<void>;
}

/** A fresh temporary data folder. */
export const freshDataDir = (): string => mkdtempSync(join(tmpdir(), "mandat-e2e-"));

/** The environment of a server child: none of the caller's Mandat or auth variables leak in. */
function serverEnvironment(dataDir: string, options: StartOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(MANDAT_|AUTH_|EVENTSTORE_|PORT$|HOST$|NODE_ENV$|VITEST|NODE_OPTIONS$)/.test(name)) continue;
    env[name] = value;
  }
  Object.assign(env, { PORT: "0", HOST: "127.0.0.1" });
  if (!options.defaultPaths) {
    Object.assign(env, {
      MANDAT_SQLITE_PATH: join(dataDir, "mandat.sqlite"),
      MANDAT_READ_MODELS_PATH: join(dataDir, "read-models.sqlite"),
      MANDAT_KEYS_PATH: join(dataDir, "keys.sqlite"),
    });
  }
  const secret = options.secret === undefined ? TEST_SECRET : options.secret;
  if (secret !== null) env.AUTH_JWT_SECRET = secret;
  if (options.demo !== undefined) env.MANDAT_DEMO = options.demo;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

interface Spawned {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function spawnServer(dataDir: string, options: StartOptions): Spawned {
  const child = spawn(process.execPath, [SERVER_BINARY], {
    cwd: dataDir,
    env: serverEnvironment(dataDir, options),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let text = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      children.delete(child);
      // Let the last output arrive before anyone reads it.
      setImmediate(() => resolve(code));
    });
  });
  return { child, output: () => text, exited };
}

/**
 * Starts the server and resolves once it printed its URL and GET /health answers 200;
 * rejects with the server's output if it exits or does not get ready in time.
 */
export async function startServer(options: StartOptions = {}): Promise<MandatServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? freshDataDir();
  const { child, output, exited } = spawnServer(dataDir, options);
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const stop = async (signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> => {
    if (exitCode !== undefined) return exitCode;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  const fail = async (reason: string): Promise<never> => {
    await stop("SIGKILL");
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${reason}\n--- server output ---\n${output()}`);
  };

  const deadline = Date.now() + (options.startupTimeoutMs ?? STARTUP_TIMEOUT_MS);
  let url: string | undefined;
  let lastHealth = "no answer";
  let answered = false;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) return fail(`The server exited with code ${exitCode} before it was ready`);
    url ??= output().match(/Mandat is running at (http:\/\/\S+)/)?.[1];
    if (url) {
      try {
        const response = await fetch(`${url}/health`);
        lastHealth = `${response.status} ${await response.text()}`;
        answered = true;
        if (response.status === 200 || options.until === "answering") break;
      } catch (error) {
        lastHealth = String(error);
      }
    }
    await sleep(50);
  }
  if (!url || (options.until === "answering" ? !answered : !lastHealth.startsWith("200"))) {
    return fail(`The server was not ready within the timeout (url: ${url ?? "not printed"}; GET /health: ${lastHealth})`);
  }
  const readyUrl = url;

  return {
    url: readyUrl,
    dataDir,
    stop,
    output,
    dispose: async () => {
      await stop("SIGKILL");
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The server's output once it matches `pattern` (what it prints after it is ready, such as
 * the development tokens); fails after `timeoutMs` with the output it had.
 */
export async function outputMatching(server: MandatServer, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(server.output())) {
    if (Date.now() > deadline) throw new Error(`The server did not print ${pattern} within ${timeoutMs} ms:\n${server.output()}`);
    await sleep(50);
  }
  return server.output();
}

/** Runs the server until it exits by itself (a refused configuration); kills it after `timeoutMs`. */
export async function runUntilExit(
  options: StartOptions = {},
  timeoutMs = 10_000,
): Promise<{ readonly exitCode: number | null; readonly output: string; readonly timedOut: boolean }> {
  const dataDir = options.dataDir ?? freshDataDir();
  const { child, output, exited } = spawnServer(dataDir, options);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, timeoutMs);
  const exitCode = await exited;
  clearTimeout(timer);
  if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  return { exitCode, output: output(), timedOut };
}

// --- a tiny client --------------------------------------------------------------------

export interface ApiResponse<Body = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Body;
}

export type HeaderMap = Readonly<Record<string, string>>;

async function answer(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  const json = /[/+]json\b/.test(type) && text.length > 0;
  return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
}

export interface ApiClient {
  get<Body = any>(path: string, headers?: HeaderMap): Promise<ApiResponse<Body>>;
  post<Body = any>(path: string, body: unknown, headers?: HeaderMap): Promise<ApiResponse<Body>>;
  /** A POST with the body sent exactly as given (invalid JSON, oversized bodies). */
  postRaw<Body = any>(path: string, text: string, headers?: HeaderMap): Promise<ApiResponse<Body>>;
}

/** `api(url, token)`: requests against a running server, with the bearer token when one is given. */
export function api(url: string, token?: string): ApiClient {
  const auth: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const send = async (method: string, path: string, body: string | undefined, headers: HeaderMap = {}) =>
    answer(
      await fetch(`${url}${path}`, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        ...(body === undefined ? {} : { body }),
      }),
    );
  return {
    get: (path, headers) => send("GET", path, undefined, headers),
    post: (path, body, headers) => send("POST", path, JSON.stringify(body), headers),
    postRaw: (path, text, headers) => send("POST", path, text, headers),
  };
}

// --- tokens ---------------------------------------------------------------------------

export interface TokenOptions {
  readonly sub?: string;
  readonly secret?: string;
  readonly name?: string;
  readonly email?: string;
}

/**
 * A token for one of the identity provider's roles (admin, auditor), HS256-signed with
 * TEST_SECRET unless another secret is given. Core Team and lead rights come from the log:
 * see `signedInAs`, `coreTeamClient` and `leadClient` in people.ts.
 */
export function tokenFor(role: ProviderRole, options: TokenOptions = {}): Promise<string> {
  return signToken(
    { sub: options.sub ?? `e2e-${role}`, name: options.name ?? `E2E ${role}`, roles: [role] },
    options.secret ?? TEST_SECRET,
  );
}

/** A token of a login and nothing else: what it may do is what the log says of the person it is linked to. */
export function tokenOf(sub: string, options: Omit<TokenOptions, "sub"> = {}): Promise<string> {
  return signToken(
    { sub, name: options.name ?? `E2E ${sub}`, ...(options.email === undefined ? {} : { email: options.email }) },
    options.secret ?? TEST_SECRET,
  );
}

// --- a server with a client per role --------------------------------------------------

export interface ServerWithClients {
  readonly server: MandatServer;
  /** core-team */
  readonly core: ApiClient;
  readonly admin: ApiClient;
  readonly auditor: ApiClient;
  /** No token. */
  readonly anonymous: ApiClient;
}

/**
 * Starts a server (by default MANDAT_DEMO=off, as most suites want an empty log) with a
 * client for each role the suites act as, and one without a token.
 */
async function startWithClients(options: StartOptions = { demo: "off" }): Promise<ServerWithClients> {
  const server = await startServer(options);
  const admin = api(server.url, await tokenFor("admin"));
  return {
    server,
    core: await coreTeamClient(server.url, admin),
    admin,
    auditor: api(server.url, await tokenFor("auditor")),
    anonymous: api(server.url),
  };
}

/**
 * The one server of a test file: started before its tests (by startWithClients, so with
 * MANDAT_DEMO=off unless `options` say otherwise) and disposed of after them. `use` gets
 * it with its clients and keeps what the file needs; the file's own beforeAll runs after.
 */
export function serverForFile(use: (started: ServerWithClients) => void, options?: StartOptions): void {
  let started: ServerWithClients | undefined;
  beforeAll(async () => {
    started = await startWithClients(options);
    use(started);
  });
  afterAll(async () => {
    await started?.server.dispose();
  });
}

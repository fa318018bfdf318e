import { execFile } from "node:child_process";
import { join } from "node:path";

/** The built CLI, as `npm run build` leaves it. */
export const CLI_BINARY = join(import.meta.dirname, "../../../../dist/bundle/cli.js");

/** What one run of the CLI left: its exit code and everything it printed. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A user other than the test's own: only a test run as root may start a process as one. */
export interface OtherUser {
  readonly uid: number;
  readonly gid: number;
}

/** `nobody`, the user with no rights of its own on most systems. */
export const NOBODY: OtherUser = { uid: 65534, gid: 65534 };

/**
 * Runs the built CLI as a child process of its own in `cwd`, with only PATH and `env` in its
 * environment (nothing of the test process leaks in), and answers however it exits;
 * `as` runs it as another user.
 */
export const runCli = (
  args: ReadonlyArray<string>,
  cwd: string,
  env: Readonly<Record<string, string>>,
  as?: OtherUser,
): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_BINARY, ...args],
      { cwd, env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 * 1024 * 1024, ...as },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

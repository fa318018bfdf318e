import { spawnSync } from "node:child_process";
import { join } from "node:path";

export interface ScriptOutcome {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  /** The first 500 characters: enough to show why a child aborted. */
  readonly stderr: string;
}

/**
 * Runs an ES module script in a Node process of its own, from the repository's root so that
 * `#event-store` and the other imports resolve to the build: for what only a process shows
 * (that it ends by itself, that it stays within a heap limit given in `nodeFlags`).
 */
export function runModuleScript(
  script: string,
  options: { readonly nodeFlags?: ReadonlyArray<string>; readonly timeoutMs?: number } = {},
): ScriptOutcome {
  const child = spawnSync(process.execPath, [...(options.nodeFlags ?? []), "--input-type=module", "--eval", script], {
    cwd: join(import.meta.dirname, "../../.."),
    encoding: "utf8",
    timeout: options.timeoutMs ?? 15_000,
  });
  return { status: child.status, signal: child.signal, stdout: child.stdout.trim(), stderr: child.stderr.slice(0, 500) };
}

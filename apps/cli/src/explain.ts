import type { ReadModelWriteFailed, RebuildFailed } from "#projections";
import { CliError, EXIT, type ExitCode } from "./exit-codes.js";

/** Whether `error` is the Effect tagged error `tag`: told apart by `_tag`, as Effect.catchTag does. */
const isTagged = <E extends { readonly _tag: string }>(error: unknown, tag: E["_tag"]): error is E =>
  typeof error === "object" && error !== null && (error as { readonly _tag?: unknown })._tag === tag;

/**
 * Every failure as one line and its exit code; stack traces only with MANDAT_DEBUG=1. An
 * unavailable store is already a CliError (cli-context.ts).
 */
export function explain(error: unknown): { code: ExitCode; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (isTagged<RebuildFailed>(error, "RebuildFailed")) return { code: EXIT.dataError, message: error.message };
  // No event is at fault (full disk, a lock held too long, no permission): the same command succeeds once that is fixed.
  if (isTagged<ReadModelWriteFailed>(error, "ReadModelWriteFailed")) {
    const advice = "The event log is untouched: run the command again once the read-model database can be written";
    return { code: EXIT.unavailable, message: `${error.message}. ${advice}` };
  }
  return { code: EXIT.software, message: `unexpected failure: ${error instanceof Error ? error.message : String(error)}` };
}

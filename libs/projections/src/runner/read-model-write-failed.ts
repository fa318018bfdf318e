import { Data } from "effect";

/** The read-model database refused a batch (full disk, locked file): retried from the checkpoints. */
export class ReadModelWriteFailed extends Data.TaggedError("ReadModelWriteFailed")<{ readonly reason: string }> {
  override get message() {
    return `Read-model database refused the write: ${this.reason}`;
  }
}

/** SQLite refusing to write at all, as opposed to a projection's code failing on an event. */
export const isStorageFailure = (error: unknown): boolean =>
  /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOMEM|PROTOCOL)/.test((error as { code?: string } | undefined)?.code ?? "");

export const writeFailure = (error: unknown): ReadModelWriteFailed =>
  new ReadModelWriteFailed({ reason: error instanceof Error ? error.message : String(error) });

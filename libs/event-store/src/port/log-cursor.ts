import { Effect } from "effect";
import type { StoreUnavailable } from "./errors.js";
import type { ReadAllOptions } from "./event-store.js";
import type { RecordedEvent } from "./recorded-event.js";

export interface LogCursorOptions {
  /** Inclusive; 0 (the default) reads from the start. */
  readonly fromPosition?: number;
  readonly batchSize: number;
  /**
   * Read the next batches while the caller works on this one, where the store can (the
   * embedded store, on a thread of its own, far enough from the head). Worth it where the
   * caller's work on a batch outweighs taking it in from another thread: a rebuild gained
   * 6-10%; a verification, whose hashing is most of its time, lost 3% (issue 16).
   */
  readonly readAhead?: boolean;
}

/**
 * The log read forwards one batch at a time, for the tools that walk all of it (rebuilds,
 * verification, export, copies) without holding it in memory.
 */
export interface LogCursor {
  /**
   * The next batch, in position order; empty once the cursor has reached the head, and from
   * then on. Like readAll, each batch holds only committed events: the head is where the log
   * ended when the cursor (or the reader ahead of it) got there.
   */
  readonly next: Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>;
}

/** A cursor that reads each batch with readAll when it is asked for it: what a store without read-ahead offers. */
export const readAllCursor = (
  readAll: (options: ReadAllOptions) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>,
  options: LogCursorOptions,
): LogCursor => {
  let fromPosition = options.fromPosition ?? 0;
  let ended = false;
  return {
    next: Effect.suspend(() =>
      ended
        ? Effect.succeed([])
        : Effect.tap(readAll({ fromPosition, maxCount: options.batchSize }), (batch) => {
            const last = batch.at(-1);
            if (last) fromPosition = last.position + 1;
            else ended = true;
          }),
    ),
  };
};

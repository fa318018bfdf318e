import { Chunk, Effect, Option, Stream } from "effect";
import type { RecordedEvent } from "../port/recorded-event.js";
import type { AppendNotifier } from "./append-notifier.js";

export interface CatchUpOptions {
  readonly fromPosition: number;
  readonly batchSize: number;
  /**
   * How long to wait for an in-process signal before looking again anyway: another
   * process (the CLI) may append to the same log without telling this one.
   */
  readonly pollIntervalMs: number;
}

/**
 * Catch-up, then live, for any store that can read its log by position: it only ever
 * reads forward from the position after the last event it emitted, so it can neither skip
 * nor repeat an event, and resuming from a checkpoint is the same as starting.
 */
export function catchUpSubscription<E>(
  readFrom: (fromPosition: number, maxCount: number) => Effect.Effect<ReadonlyArray<RecordedEvent>, E>,
  notifier: AppendNotifier,
  options: CatchUpOptions,
): Stream.Stream<RecordedEvent, E> {
  const nextBatch = (fromPosition: number) =>
    Effect.gen(function* () {
      for (;;) {
        const seenVersion = notifier.version;
        const batch = yield* readFrom(fromPosition, options.batchSize);
        const last = batch.at(-1);
        // A full batch means more is waiting; yield so a long catch-up never starves the process.
        if (batch.length === options.batchSize) yield* Effect.yieldNow();
        if (last) return Option.some([Chunk.fromIterable(batch), last.position + 1] as const);
        yield* notifier.waitBeyond(seenVersion, options.pollIntervalMs);
      }
    });
  return Stream.unfoldChunkEffect(options.fromPosition, nextBatch);
}

import { Effect, Option, Stream } from "effect";
import type { StoreUnavailable } from "./errors.js";
import type { EventStoreService } from "./event-store.js";
import type { RecordedEvent } from "./recorded-event.js";

export interface LogBatchesOptions {
  /** Inclusive; 0 (the default) reads from the start. */
  readonly fromPosition?: number;
  readonly batchSize: number;
}

/**
 * The log from `fromPosition` to its head, as `store` reads it, one readAll batch at a
 * time: for the tools that walk a whole log (verification, export, copies, rebuilds)
 * without holding it in memory. A batch is read only once the one before was consumed.
 */
export const logBatches = (
  store: EventStoreService,
  options: LogBatchesOptions,
): Stream.Stream<ReadonlyArray<RecordedEvent>, StoreUnavailable> =>
  Stream.unfoldEffect(options.fromPosition ?? 0, (fromPosition) =>
    Effect.map(store.readAll({ fromPosition, maxCount: options.batchSize }), (batch) => {
      const last = batch.at(-1);
      return last ? Option.some([batch, last.position + 1] as const) : Option.none();
    }),
  );

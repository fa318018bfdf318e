import { Effect, Option, Stream } from "effect";
import type { StoreUnavailable } from "./errors.js";
import type { EventStoreService } from "./event-store.js";
import type { LogCursorOptions } from "./log-cursor.js";
import type { RecordedEvent } from "./recorded-event.js";

/**
 * The log from `fromPosition` to its head, as `store` reads it, one batch of its cursor
 * (EventStoreService.openLogCursor) at a time: for the tools that walk a whole log as a
 * stream (export, archive, copies, sealing) without holding it in memory. Consume it with
 * Stream.runForEach: Stream.runForEachWhile keeps every batch until the stream ends (see
 * verifyStore). The cursor is closed when the stream ends or is interrupted.
 */
export const logBatches = (
  store: EventStoreService,
  options: LogCursorOptions,
): Stream.Stream<ReadonlyArray<RecordedEvent>, StoreUnavailable> =>
  Stream.unwrapScoped(
    Effect.map(store.openLogCursor(options), (cursor) =>
      Stream.repeatEffectOption(
        Effect.flatMap(Effect.mapError(cursor.next, Option.some), (batch) =>
          batch.length > 0 ? Effect.succeed(batch) : Effect.fail(Option.none()),
        ),
      ),
    ),
  );

import { Effect, Stream } from "effect";
import type { EventStoreService } from "../src/port/event-store.js";
import type { EventStoreAdminService } from "../src/port/event-store-admin.js";
import type { RecordedEvent } from "../src/port/recorded-event.js";

/**
 * A store that sees only the streams under `prefix`, for running the contract suite on a
 * shared server that keeps what earlier runs wrote. Streams keep their names inside it.
 */
export function namespaced(
  store: EventStoreService & EventStoreAdminService,
  prefix: string,
): EventStoreService & EventStoreAdminService {
  const outer = `${prefix}-`;
  const strip = (event: RecordedEvent): RecordedEvent => ({ ...event, streamId: event.streamId.slice(outer.length) });
  const own = (event: RecordedEvent) => event.streamId.startsWith(outer);
  const readAll: EventStoreService["readAll"] = (options = {}) =>
    Effect.map(store.readAll({ ...options, maxCount: Number.MAX_SAFE_INTEGER }), (events) =>
      events
        .filter(own)
        .slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER)
        .map(strip),
    );
  return {
    densePositions: store.densePositions,
    append: (streamId, events, expected, options) =>
      Effect.map(store.append(`${outer}${streamId}`, events, expected, options), (result) => ({ ...result, streamId })),
    readStream: (streamId, options) =>
      Effect.map(store.readStream(`${outer}${streamId}`, options), (events) => events.map(strip)),
    readAll,
    subscribe: (options) => store.subscribe(options).pipe(Stream.filter(own), Stream.map(strip)),
    headPosition: Effect.map(readAll(), (events) => events.at(-1)?.position ?? 0),
    findIdempotencyRecord: (key) =>
      Effect.map(
        store.findIdempotencyRecord(key),
        (record) => record && { ...record, streamId: record.streamId.slice(outer.length) },
      ),
    importRecorded: (events) =>
      store.importRecorded(events.map((event) => ({ ...event, streamId: `${outer}${event.streamId}` }))),
  };
}

import { Effect, Stream } from "effect";
import type { EventStoreService } from "../port/event-store.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import type { UpcasterRegistry } from "./upcaster-registry.js";

/**
 * The store as the application reads it: every event in today's shape. Writes and the
 * idempotency records pass through untouched. Verbatim copies (EventStoreAdmin) go to the
 * store underneath, never through this view.
 */
export function withUpcasting(store: EventStoreService, registry: UpcasterRegistry): EventStoreService {
  if (registry.isEmpty) return store;
  const upcastEvent = (event: RecordedEvent): RecordedEvent => {
    const { schemaVersion, data } = registry.upcast(event.type, event.schemaVersion, event.data);
    return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
  };
  const upcastAll = (events: ReadonlyArray<RecordedEvent>) => events.map(upcastEvent);
  return {
    ...store,
    readStream: (streamId, options) => Effect.map(store.readStream(streamId, options), upcastAll),
    readAll: (options) => Effect.map(store.readAll(options), upcastAll),
    openLogCursor: (options) =>
      Effect.map(store.openLogCursor(options), (cursor) => ({ next: Effect.map(cursor.next, upcastAll) })),
    subscribe: (options) => Stream.map(store.subscribe(options), upcastEvent),
  };
}

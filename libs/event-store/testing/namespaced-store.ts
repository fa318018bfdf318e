import { Effect, Stream } from "effect";
import type { EventStoreService } from "../src/port/event-store.js";
import type { EventStoreAdminService } from "../src/port/event-store-admin.js";
import { readAllCursor } from "../src/port/log-cursor.js";
import type { RecordedEvent } from "../src/port/recorded-event.js";

export interface NamespacedStore {
  readonly store: EventStoreService & EventStoreAdminService;
  /** The name a stream or idempotency key given to `store` has in the shared log, and in all it returns. */
  readonly name: (name: string) => string;
}

/**
 * A store that sees only its own part of a shared log, for running the contract suite on
 * a server that keeps what earlier runs (and the other stores of this run) wrote. Stream
 * names and idempotency keys given to it are put under `prefix`; what it returns keeps
 * those full names, because an event's hash covers its stream id: a renamed event would
 * no longer verify. Assertions on names use `name`. Its view of the log is its own streams
 * and the streams imported into it (an import keeps the names it is given, verbatim).
 */
export function namespaced(store: EventStoreService & EventStoreAdminService, prefix: string): NamespacedStore {
  const name = (local: string) => `${prefix}-${local}`;
  const imported = new Set<string>();
  const own = (event: RecordedEvent) => event.streamId.startsWith(name("")) || imported.has(event.streamId);
  const readAll: EventStoreService["readAll"] = (options = {}) =>
    Effect.map(store.readAll({ ...options, maxCount: Number.MAX_SAFE_INTEGER }), (events) =>
      events.filter(own).slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER),
    );
  const withKey = <O extends { readonly idempotency?: { readonly key: string } }>(options: O | undefined): O | undefined =>
    options?.idempotency ? { ...options, idempotency: { ...options.idempotency, key: name(options.idempotency.key) } } : options;
  return {
    name,
    store: {
      densePositions: store.densePositions,
      checkStorage: store.checkStorage,
      append: (streamId, events, expected, options) => store.append(name(streamId), events, expected, withKey(options)),
      enqueueAppend: (streamId, events, expected, options) =>
        store.enqueueAppend(name(streamId), events, expected, withKey(options)),
      readStream: (streamId, options) => store.readStream(name(streamId), options),
      readAll,
      openLogCursor: (options) => Effect.succeed(readAllCursor(readAll, options)),
      subscribe: (options) => store.subscribe(options).pipe(Stream.filter(own)),
      headPosition: Effect.map(readAll(), (events) => events.at(-1)?.position ?? 0),
      findIdempotencyRecord: (key) => store.findIdempotencyRecord(name(key)),
      importRecorded: (events) =>
        Effect.tap(store.importRecorded(events), () => {
          for (const event of events) imported.add(event.streamId);
        }),
    },
  };
}

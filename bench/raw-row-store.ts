import { EnqueuedAppend, type EventStoreService, type EventToAppend } from "#event-store";
import { EVENT_LOG_SCHEMA, SqliteEventStore, applyPragmas } from "#event-store/sqlite";
import Database from "better-sqlite3";
import { Effect, Exit } from "effect";
import { rawRowInserter } from "./raw-rows.js";

/**
 * The ceiling of any event store in bench (c): a store whose appends do only what raw
 * 100/tx does for each event (rawRowInserter), all those of one turn of the event loop in
 * one transaction, as the engine's group commit: no hash chain, no canonical JSON, no
 * revision or idempotency checks. The command pipeline over it shows how far (c) can go
 * whatever the store does. Reads go to an empty log in memory: RegisterOrganisation makes none.
 */
export function openRawRowStore(path: string): { readonly store: EventStoreService; readonly close: () => void } {
  const db = new Database(path);
  applyPragmas(db);
  db.exec(EVENT_LOG_SCHEMA);
  const insertRow = rawRowInserter(db);
  const reads = SqliteEventStore.open({ path: ":memory:" });
  let position = 0;
  let pending: Array<{
    readonly streamId: string;
    readonly events: ReadonlyArray<EventToAppend>;
    readonly enqueued: EnqueuedAppend;
  }> = [];
  const writeBatch = db.transaction((batch: typeof pending) => {
    for (const { streamId, events } of batch)
      for (const event of events) insertRow(++position, streamId, event.data, event.metadata);
  });
  const flush = () => {
    const batch = pending;
    pending = [];
    writeBatch.immediate(batch);
    const recordedAt = new Date().toISOString();
    for (const { streamId, events, enqueued } of batch) {
      enqueued.settle(Exit.succeed({ streamId, revision: events.length - 1, position, recordedAt }));
    }
  };
  const enqueueAppend: EventStoreService["enqueueAppend"] = (streamId, events) =>
    Effect.sync(() => {
      const enqueued = new EnqueuedAppend();
      pending.push({ streamId, events, enqueued });
      if (pending.length === 1) setImmediate(flush);
      return enqueued;
    });
  const store: EventStoreService = {
    enqueueAppend,
    append: (streamId, events, expected, options) =>
      Effect.flatMap(enqueueAppend(streamId, events, expected, options), (enqueued) => enqueued.outcome),
    readStream: reads.readStream,
    readAll: reads.readAll,
    subscribe: reads.subscribe,
    headPosition: reads.headPosition,
    findIdempotencyRecord: reads.findIdempotencyRecord,
  };
  return {
    store,
    close: () => {
      reads.close();
      db.close();
    },
  };
}

import { EnqueuedAppend, type EventStoreService, type EventToAppend, StoreUnavailable } from "#event-store";
import { EVENT_LOG_SCHEMA, SqliteEventStore, applyPragmas } from "#event-store/sqlite";
import Database from "better-sqlite3";
import { Effect, Exit } from "effect";
import { rawRowInserter } from "./raw-rows.js";

/**
 * The least any event store can do in bench (c): appends that do only what raw 100/tx does
 * for each event (rawRowInserter), all those of one turn of the event loop in one
 * transaction on the event loop, as the engine's group commit: no hash chain, no canonical
 * JSON, no revision or idempotency checks. The command pipeline over it shows how far (c)
 * can go with today's pipeline, whatever its store does. Reads go to an empty log in
 * memory: RegisterOrganisation makes none.
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
  const writeBatch = db.transaction((batch: typeof pending) =>
    batch.map(({ streamId, events }) => {
      for (const event of events) insertRow(++position, streamId, event.data, event.metadata);
      return position;
    }),
  );
  const flush = () => {
    const batch = pending;
    if (batch.length === 0) return;
    pending = [];
    let positions: number[];
    try {
      positions = writeBatch.immediate(batch);
    } catch (error) {
      const failure = Exit.fail(new StoreUnavailable({ reason: "the raw rows were not committed", cause: error }));
      for (const { enqueued } of batch) enqueued.settle(failure);
      return;
    }
    const recordedAt = new Date().toISOString();
    batch.forEach(({ streamId, events, enqueued }, i) =>
      enqueued.settle(Exit.succeed({ streamId, revision: events.length - 1, position: positions[i]!, recordedAt })),
    );
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
    openLogCursor: reads.openLogCursor,
    subscribe: reads.subscribe,
    headPosition: reads.headPosition,
    findIdempotencyRecord: reads.findIdempotencyRecord,
  };
  return {
    store,
    close: () => {
      flush();
      reads.close();
      db.close();
    },
  };
}

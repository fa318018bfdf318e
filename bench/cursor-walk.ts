import { performance } from "node:perf_hooks";
import { SqliteEventStore } from "#event-store/sqlite";
import { Effect } from "effect";
import { type Throughput, now, round, throughput } from "./measure.js";

export interface CursorWalk {
  readonly walk: Throughput;
  /** How long the walk kept the event loop busy: taking each batch in, not waiting for the reader thread. */
  readonly busySeconds: number;
}

/**
 * Walks a log with the store's cursor, in the rebuild's batches, and does nothing with the
 * events: the part of a rebuild's work that getting the events costs its event loop once
 * reading and parsing are on the cursor's thread.
 */
export async function cursorWalk(path: string, batchSize: number): Promise<CursorWalk> {
  const store = SqliteEventStore.open({ path, fileMustExist: true });
  try {
    const before = performance.eventLoopUtilization();
    const started = now();
    const events = await Effect.runPromise(
      Effect.scoped(
        Effect.gen(function* () {
          const cursor = yield* store.openLogCursor({ fromPosition: 1, batchSize, readAhead: true });
          let count = 0;
          for (let batch = yield* cursor.next; batch.length > 0; batch = yield* cursor.next) count += batch.length;
          return count;
        }),
      ),
    );
    const elapsedMs = now() - started;
    const { active } = performance.eventLoopUtilization(before);
    return { walk: throughput(events, elapsedMs), busySeconds: round(active / 1000, 3) };
  } finally {
    store.close();
  }
}

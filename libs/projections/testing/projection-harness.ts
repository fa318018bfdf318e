import { type MandatEventOf, type MandatEventType, allEvents } from "#domain";
import { ExpectedRevision, type RecordedEvent, SqliteEventStore } from "#event-store";
import type Database from "better-sqlite3";
import { Effect } from "effect";
import {
  type AnyProjection,
  ProjectionRunner,
  openReadModelDatabase,
  rebuildProjections,
} from "../src/index.js";

export interface AppendOptions {
  /** The actor recorded in the envelope. */
  readonly actorId?: string;
  /** Sets the store clock first: the event's recordedAt. */
  readonly recordedAt?: string;
}

/**
 * A real in-memory log and read-model database with the runner following it, for tests
 * of read models. Events are checked against their schemas before they are appended.
 */
export function projectionHarness(projections: ReadonlyArray<AnyProjection>) {
  let now = new Date("2024-01-01T08:00:00.000Z");
  const store = SqliteEventStore.open({ path: ":memory:", clock: () => now, pollIntervalMs: 10 });
  const db = openReadModelDatabase(":memory:");
  const runner = new ProjectionRunner(db, store, projections, { batchSize: 50 });
  let started = false;

  const setTime = (instant: string) => {
    now = new Date(instant);
  };

  const append = async <Type extends MandatEventType>(
    streamId: string,
    type: Type,
    data: MandatEventOf<Type>["data"],
    options: AppendOptions = {},
  ): Promise<RecordedEvent> => {
    if (options.recordedAt) setTime(options.recordedAt);
    const definition = allEvents[type];
    const parsed = definition.schema.parse(data);
    const metadata = { actor: { id: options.actorId ?? "tester", roles: ["core-team"] }, commandId: "c", correlationId: "c", causationId: "c" };
    const result = await Effect.runPromise(
      store.append(streamId, [{ type, schemaVersion: definition.schemaVersion, data: parsed, metadata }], ExpectedRevision.any),
    );
    const [event] = await Effect.runPromise(store.readStream(streamId, { fromRevision: result.revision, maxCount: 1 }));
    return event!;
  };

  /** Starts the runner (once) and waits until every read model has applied the whole log. */
  const sync = async () => {
    if (!started) {
      await Effect.runPromise(runner.start());
      started = true;
    }
    const head = await Effect.runPromise(store.headPosition);
    const reached = await Effect.runPromise(runner.waitFor(head, 5_000));
    if (!reached) throw new Error(`read models did not reach ${head}: ${JSON.stringify(runner.status())}`);
  };

  /**
   * Rebuilds the read models from the log into a fresh database and returns the rows of
   * both, table by table, for a rebuild-equality assertion.
   */
  const rebuiltBeside = async () => {
    await sync();
    const fresh = openReadModelDatabase(":memory:");
    try {
      await Effect.runPromise(rebuildProjections(fresh, store, projections));
      const tables = projections.flatMap((projection) => Object.keys(projection.tables));
      return { live: snapshot(db, tables), rebuilt: snapshot(fresh, tables) };
    } finally {
      fresh.close();
    }
  };

  const dispose = async () => {
    await Effect.runPromise(runner.stop());
    db.close();
    store.close();
  };

  return { store, db, runner, setTime, append, sync, rebuiltBeside, dispose };
}

export type ProjectionHarness = ReturnType<typeof projectionHarness>;

/** Every row of each logical table, in an order that depends on the rows alone. */
export function snapshot(db: Database.Database, tables: ReadonlyArray<string>): Record<string, unknown[]> {
  const sorted = (rows: unknown[]) =>
    rows.map((row) => [JSON.stringify(row), row] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  return Object.fromEntries(tables.map((table) => [table, sorted(db.prepare(`SELECT * FROM ${table}`).all())]));
}

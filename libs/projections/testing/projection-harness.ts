import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MandatEventOf, type MandatEventType, allEvents } from "#domain";
import { ExpectedRevision, type RecordedEvent } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import type Database from "better-sqlite3";
import { Effect } from "effect";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { type AnyProjection, ProjectionRunner, openReadModelDatabase, rebuildProjections } from "../src/index.js";

/** The data of an event of `Type`. */
export type Payload<Type extends MandatEventType> = MandatEventOf<Type>["data"];

export interface AppendOptions {
  /** The actor recorded in the envelope. */
  readonly actorId?: string;
  /** Sets the store clock first: the event's recordedAt. */
  readonly recordedAt?: string;
}

export interface HarnessOptions {
  /**
   * Where the log is kept: in memory (the default), or in a file of a temporary directory,
   * where a rebuild reads it on a thread of its own, as a server's rebuild does.
   */
  readonly log?: "memory" | "file";
}

/**
 * A real log and in-memory read-model database with the runner following it, for tests
 * of read models. Events are checked against their schemas before they are appended.
 */
export function projectionHarness(projections: ReadonlyArray<AnyProjection>, options: HarnessOptions = {}) {
  let now = new Date("2024-01-01T08:00:00.000Z");
  const directory = options.log === "file" ? mkdtempSync(join(tmpdir(), "mandat-harness-")) : undefined;
  const store = SqliteEventStore.open({
    path: directory ? join(directory, "log.sqlite") : ":memory:",
    clock: () => now,
    pollIntervalMs: 10,
    // Even this short a log goes through the thread (an in-memory log is read on the caller's).
    ...(directory ? { readAheadThreshold: 0 } : {}),
  });
  const db = openReadModelDatabase(":memory:");
  const runner = new ProjectionRunner(db, store, projections, { batchSize: 50 });
  let started = false;

  const setTime = (instant: string) => {
    now = new Date(instant);
  };

  const append = async <Type extends MandatEventType>(
    streamId: string,
    type: Type,
    data: Payload<Type>,
    options: AppendOptions = {},
  ): Promise<RecordedEvent> => {
    if (options.recordedAt) setTime(options.recordedAt);
    const definition = allEvents[type];
    const parsed = definition.schema.parse(data);
    const metadata = {
      actor: { id: options.actorId ?? "tester", roles: ["core-team"] },
      commandId: "c",
      correlationId: "c",
      causationId: "c",
    };
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
    if (directory) rmSync(directory, { recursive: true, force: true });
  };

  return { store, db, runner, setTime, append, sync, rebuiltBeside, dispose };
}

export type ProjectionHarness = ReturnType<typeof projectionHarness>;

/**
 * A fresh harness over `projections` for each test of the file, disposed after it. The object
 * returned stands for the running test's harness, so a file can hold it in a `const`.
 */
export function useProjectionHarness(projections: ReadonlyArray<AnyProjection>): ProjectionHarness {
  return hookedHarness(projections, beforeEach, afterEach);
}

/**
 * One harness over `projections` for all the tests of the file: before them `record` appends
 * the history they read and the read models apply it all; after them the harness is disposed.
 */
export function useRecordedHistory(
  projections: ReadonlyArray<AnyProjection>,
  record: (harness: ProjectionHarness) => Promise<void>,
): ProjectionHarness {
  return hookedHarness(projections, beforeAll, afterAll, async (harness) => {
    await record(harness);
    await harness.sync();
  });
}

type Hook = (run: () => Promise<void>) => void;

function hookedHarness(
  projections: ReadonlyArray<AnyProjection>,
  before: Hook,
  after: Hook,
  prepare?: (harness: ProjectionHarness) => Promise<void>,
): ProjectionHarness {
  let current: ProjectionHarness | undefined;
  before(async () => {
    current = projectionHarness(projections);
    await prepare?.(current);
  });
  after(async () => current?.dispose());
  return new Proxy({} as ProjectionHarness, {
    get: (_target, key) => {
      if (current === undefined) throw new Error("The projection harness exists only while the file's tests run");
      return Reflect.get(current, key);
    },
  });
}

/**
 * Rebuilding the read models from the log gives exactly the rows they hold live. `rows` are the
 * live row counts expected per table; without them, every table must hold rows.
 */
export async function expectRebuildMatchesLive(
  harness: ProjectionHarness,
  rows?: Readonly<Record<string, number>>,
): Promise<void> {
  const { live, rebuilt } = await harness.rebuiltBeside();
  if (rows === undefined) expect(Object.values(live).every((tableRows) => tableRows.length > 0)).toBe(true);
  else for (const [table, count] of Object.entries(rows)) expect(live[table], table).toHaveLength(count);
  expect(rebuilt).toEqual(live);
}

/** Every row of each logical table, in an order that depends on the rows alone. */
export function snapshot(db: Database.Database, tables: ReadonlyArray<string>): Record<string, unknown[]> {
  const sorted = (rows: unknown[]) =>
    rows
      .map((row) => [JSON.stringify(row), row] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  return Object.fromEntries(tables.map((table) => [table, sorted(db.prepare(`SELECT * FROM ${table}`).all())]));
}

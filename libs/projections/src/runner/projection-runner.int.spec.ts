import { type EventToAppend, ExpectedRevision, SqliteEventStore } from "#event-store";
import type Database from "better-sqlite3";
import { Effect } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tallyProjection } from "../../testing/tally-projection.js";
import { openReadModelDatabase } from "./read-model-database.js";
import { ProjectionRunner } from "./projection-runner.js";
import { rebuildProjections } from "./rebuild.js";

const counted = (n: number): EventToAppend => ({
  type: "Counted",
  schemaVersion: 1,
  data: { n },
  metadata: { actor: { id: "t", roles: [] }, commandId: "c", correlationId: "c", causationId: "c" },
});

let store: SqliteEventStore;
let db: Database.Database;
let runners: ProjectionRunner[];
beforeEach(() => {
  store = SqliteEventStore.open({ path: ":memory:", pollIntervalMs: 20 });
  db = openReadModelDatabase(":memory:");
  runners = [];
});
afterEach(async () => {
  for (const runner of runners) await Effect.runPromise(runner.stop());
  db.close();
  store.close();
});

const append = async (count: number, streams = 3) => {
  for (let i = 0; i < count; i++) {
    await Effect.runPromise(store.append(`tally-${i % streams}`, [counted(i)], ExpectedRevision.any));
  }
  return Effect.runPromise(store.headPosition);
};
const start = async (...projections: Parameters<typeof tallyProjection>[0][]) => {
  const runner = new ProjectionRunner(db, store, projections.map((p) => tallyProjection(p)), { batchSize: 7 });
  runners.push(runner);
  await Effect.runPromise(runner.start());
  return runner;
};
const tallies = (view = "tallies") =>
  db.prepare<[], { stream_id: string; events: number; version: number }>(`SELECT * FROM ${view} ORDER BY stream_id`).all();
const waitFor = (runner: ProjectionRunner, position: number) => Effect.runPromise(runner.waitFor(position, 5_000));

describe("ProjectionRunner", () => {
  it("catches up from the start, then follows live appends", async () => {
    const head = await append(30);
    const runner = await start({});
    expect(await waitFor(runner, head)).toBe(true);
    expect(tallies().map((t) => t.events)).toEqual([10, 10, 10]);
    const later = await append(6);
    expect(await waitFor(runner, later)).toBe(true);
    expect(tallies().map((t) => t.events)).toEqual([12, 12, 12]);
    expect(runner.status()).toEqual([{ name: "tallies", version: 1, position: later, state: "live" }]);
  });

  it("resumes from its checkpoint after a restart without applying anything twice", async () => {
    const head = await append(20);
    const first = await start({});
    await waitFor(first, head);
    await Effect.runPromise(first.stop());
    const later = await append(10);
    const second = await start({});
    expect(await waitFor(second, later)).toBe(true);
    expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBe(30);
  });

  it("answers waitFor with false when the position is not reached in time", async () => {
    const runner = await start({});
    expect(await Effect.runPromise(runner.waitFor(99, 50))).toBe(false);
  });

  it("stops only the projection an event breaks, naming the event and its position", async () => {
    await append(10);
    const breaking = await Effect.runPromise(store.append("tally-x", [counted(999)], ExpectedRevision.any));
    const head = await append(5);
    const runner = new ProjectionRunner(
      db,
      store,
      [tallyProjection({ name: "fragile", failOn: (data) => (data as { n: number }).n === 999 }), tallyProjection({ name: "sturdy" })],
      { batchSize: 4 },
    );
    runners.push(runner);
    await Effect.runPromise(runner.start());
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [fragile, sturdy] = runner.status();
    expect(sturdy).toMatchObject({ name: "sturdy", position: head, state: "live" });
    expect(fragile).toMatchObject({
      name: "fragile",
      state: "stopped",
      failure: { position: breaking.position, type: "Counted", message: "this event breaks the tally" },
    });
    // Its checkpoint stays before the batch that broke; no row of that batch is kept.
    expect(fragile!.position).toBeLessThan(breaking.position);
    expect(db.prepare("SELECT position, status FROM projection_checkpoints WHERE name = 'fragile'").get()).toEqual({
      position: fragile!.position,
      status: "stopped",
    });
  });

  it("rebuilds a projection whose version changed beside the old one and swaps it in whole", async () => {
    const head = await append(300, 5);
    const v1 = await start({ version: 1 });
    await waitFor(v1, head);
    await Effect.runPromise(v1.stop());

    let sawHalfBuilt = false;
    const slowV2 = tallyProjection({ version: 2 });
    const bind = slowV2.bind;
    const runner = new ProjectionRunner(
      db,
      store,
      [
        {
          ...slowV2,
          bind: (database, tables) => {
            const apply = bind(database, tables);
            return (event) => {
              // Readers meanwhile see the complete v1 model, never the v2 rows being written.
              const visible = tallies();
              if (visible.some((t) => t.version !== 1) || visible.reduce((sum, t) => sum + t.events, 0) !== 300) sawHalfBuilt = true;
              apply(event);
            };
          },
        },
      ],
      { batchSize: 50 },
    );
    runners.push(runner);
    await Effect.runPromise(runner.start());
    expect(runner.status()[0]!.state).toBe("rebuilding");
    expect(await waitFor(runner, head)).toBe(true);
    expect(sawHalfBuilt).toBe(false);
    expect(tallies().every((t) => t.version === 2)).toBe(true);
    expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBe(300);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'tallies__g%' AND type = 'table'").get()).toEqual({ n: 1 });
  });

  it("picks up a rebuild another process swapped in, and brings a stopped projection back", async () => {
    await append(10);
    await Effect.runPromise(store.append("tally-x", [counted(999)], ExpectedRevision.any));
    const runner = new ProjectionRunner(db, store, [tallyProjection({ failOn: (data) => (data as { n: number }).n === 999 })]);
    runners.push(runner);
    await Effect.runPromise(runner.start());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runner.status()[0]!.state).toBe("stopped");

    // The operator fixes the code and runs `mandat rebuild` beside the running server.
    await Effect.runPromise(rebuildProjections(db, store, [tallyProjection({})]));
    const head = await append(5);
    expect(await waitFor(runner, head)).toBe(true);
    expect(runner.status()[0]).toMatchObject({ state: "live", position: head });
    expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBe(16);
  });
});

describe("rebuildProjections", () => {
  it("leaves the generation in service untouched when the rebuild fails", async () => {
    const head = await append(20);
    const runner = await start({});
    await waitFor(runner, head);
    await Effect.runPromise(store.append("tally-x", [counted(999)], ExpectedRevision.any));
    const exit = await Effect.runPromiseExit(
      rebuildProjections(db, store, [tallyProjection({ version: 2, failOn: (data) => (data as { n: number }).n === 999 })]),
    );
    expect(exit._tag).toBe("Failure");
    expect(tallies().every((t) => t.version === 1)).toBe(true);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'tallies__g%' AND type = 'table'").get()).toEqual({ n: 1 });
  });

  it("reports progress as it goes", async () => {
    await append(25);
    const seen: number[] = [];
    await Effect.runPromise(
      rebuildProjections(db, store, [tallyProjection({})], { batchSize: 10, onProgress: (p) => seen.push(p.events) }),
    );
    expect(seen).toEqual([10, 20, 25]);
  });
});


describe("two processes following one read-model database", () => {
  it("never apply an event twice: each batch starts from the checkpoint as stored", async () => {
    await append(30);
    const first = new ProjectionRunner(db, store, [tallyProjection({})], { batchSize: 4 });
    const second = new ProjectionRunner(db, store, [tallyProjection({})], { batchSize: 3 });
    runners.push(first, second);
    await Effect.runPromise(first.start());
    await Effect.runPromise(second.start());
    const head = await append(30);
    expect(await waitFor(first, head)).toBe(true);
    expect(await waitFor(second, head)).toBe(true);
    expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBe(60);
  });
});

describe("a read-model database that is briefly locked by another writer", () => {
  it("keeps every projection running and applies each event once, after the lock is gone", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const Database = (await import("better-sqlite3")).default;
    const dir = mkdtempSync(join(tmpdir(), "mandat-locked-"));
    const path = join(dir, "read-models.sqlite");
    const fileDb = openReadModelDatabase(path);
    fileDb.pragma("busy_timeout = 20");
    const runner = new ProjectionRunner(fileDb, store, [tallyProjection({})], { batchSize: 5 });
    runners.push(runner);
    try {
      await Effect.runPromise(runner.start());
      const other = new Database(path);
      other.exec("BEGIN IMMEDIATE");
      const head = await append(12);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(runner.status()[0]!.state).not.toBe("stopped");
      other.exec("COMMIT");
      other.close();
      expect(await waitFor(runner, head)).toBe(true);
      const total = fileDb.prepare<[], { n: number }>("SELECT sum(events) AS n FROM tallies").get()!.n;
      expect(total).toBe(12);
      expect(runner.status()[0]).toMatchObject({ state: "live", position: head });
    } finally {
      await Effect.runPromise(runner.stop());
      fileDb.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

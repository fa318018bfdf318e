import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MandatEventType, allEvents, initiativeStream } from "#domain";
import { type EventStoreService, type EventToAppend, ExpectedRevision, StoreUnavailable } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import Database from "better-sqlite3";
import { Effect } from "effect";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { tallyProjection } from "../../testing/tally-projection.js";
import { mandateHistoryProjection } from "../read-models/mandate-history/projection.js";
import { openReadModelDatabase } from "./read-model-database.js";
import { ProjectionRunner } from "./projection-runner.js";
import type { ProjectionDefinition } from "./projection-definition.js";
import { ReadModelWriteFailed } from "./read-model-write-failed.js";
import { rebuildProjections } from "./rebuild.js";
import { RebuildFailed } from "./rebuild-failed.js";

const metadata = { actor: { id: "t", roles: [] }, commandId: "c", correlationId: "c", causationId: "c" };
const counted = (n: number): EventToAppend => ({ type: "Counted", schemaVersion: 1, data: { n }, metadata });
const mandatEvent = <Type extends MandatEventType>(type: Type, data: unknown): EventToAppend => ({
  type,
  schemaVersion: allEvents[type].schemaVersion,
  data: allEvents[type].schema.parse(data),
  metadata,
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
  const runner = new ProjectionRunner(
    db,
    store,
    projections.map((p) => tallyProjection(p)),
    { batchSize: 7 },
  );
  runners.push(runner);
  await Effect.runPromise(runner.start());
  return runner;
};
const tallies = (view = "tallies") =>
  db.prepare<[], { stream_id: string; events: number; version: number }>(`SELECT * FROM ${view} ORDER BY stream_id`).all();
const waitFor = (runner: ProjectionRunner, position: number) => Effect.runPromise(runner.waitFor(position, 5_000));

/** Every Counted event as a row, unique by `key`: by stream_id, a stream's second event breaks it. */
const logged = (key: "stream_id" | "n", version = 1): ProjectionDefinition<"logged"> => ({
  name: "logged",
  version,
  tables: { logged: { columns: "stream_id TEXT NOT NULL, n INTEGER NOT NULL", keys: [key] } },
  eventTypes: new Set(["Counted"]),
  bind: (db, tables) => {
    const insert = db.prepare(`INSERT INTO ${tables.logged} (stream_id, n) VALUES (?, ?)`);
    return (event) => void insert.run(event.streamId, (event.data as { n: number }).n);
  },
});

/** Read models of a 30-event log, projected and stopped; then an empty log in its place. */
const projectedThenLogReplaced = async () => {
  const head = await append(30);
  const first = await start({});
  expect(await waitFor(first, head)).toBe(true);
  await Effect.runPromise(first.stop());
  store.close();
  store = SqliteEventStore.open({ path: ":memory:", pollIntervalMs: 20 });
};

/** The process warnings emitted while `run` runs, and on the ticks just after it. */
const warningsWhile = async (run: () => Promise<void>): Promise<string[]> => {
  const warnings: string[] = [];
  const warned = (warning: Error) => warnings.push(warning.message);
  process.on("warning", warned);
  try {
    await run();
    await new Promise(setImmediate);
  } finally {
    process.off("warning", warned);
  }
  return warnings;
};

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
    expect(await waitFor(first, head)).toBe(true);
    await Effect.runPromise(first.stop());
    const later = await append(10);
    const second = await start({});
    expect(await waitFor(second, later)).toBe(true);
    expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBe(30);
  });

  it.each([
    ["a log restored from an older backup, ending before the read models", 10],
    ["another log, as long as theirs or longer (two servers given one read-model database)", 40],
  ])("starts every read model afresh on %s, and answers nothing from the other log meanwhile", async (_, events) => {
    await projectedThenLogReplaced();
    const otherHead = await append(events, 2);
    const warnings = await warningsWhile(async () => {
      const second = await start({});
      // Until it has caught up, the tables hold nothing of the first log.
      expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBeLessThanOrEqual(otherHead);
      expect(await waitFor(second, otherHead)).toBe(true);
    });
    expect(tallies().map(({ stream_id, events }) => [stream_id, events])).toEqual([
      ["tally-0", Math.ceil(events / 2)],
      ["tally-1", Math.floor(events / 2)],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^The read models were built from another log \(at position 30/)]);
  });

  it("takes the read models a full rebuild made from a restored log as that log's, at the next start", async () => {
    await projectedThenLogReplaced();
    const restoredHead = await append(10, 2);
    // `mandat rebuild` with the server stopped: every read model, from the restored log.
    await Effect.runPromise(rebuildProjections(db, store, [tallyProjection({})]));
    const generation = db.prepare("SELECT generation FROM projection_checkpoints").pluck().get();
    const warnings = await warningsWhile(async () => {
      const second = await start({});
      expect(await waitFor(second, restoredHead)).toBe(true);
    });
    expect(warnings).toEqual([]);
    expect(db.prepare("SELECT generation FROM projection_checkpoints").pluck().get()).toBe(generation);
    expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBe(10);
  });

  it("keeps its read models on a restart over the same log, and after appends to it", async () => {
    const head = await append(20);
    const first = await start({});
    expect(await waitFor(first, head)).toBe(true);
    await Effect.runPromise(first.stop());
    const generation = db.prepare("SELECT generation FROM projection_checkpoints").pluck().get();
    const later = await append(5);
    const second = await start({});
    expect(await waitFor(second, later)).toBe(true);
    expect(db.prepare("SELECT generation FROM projection_checkpoints").pluck().get()).toBe(generation);
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
      [
        tallyProjection({ name: "fragile", failOn: (data) => (data as { n: number }).n === 999 }),
        tallyProjection({ name: "sturdy" }),
      ],
      { batchSize: 4 },
    );
    runners.push(runner);
    await Effect.runPromise(runner.start());
    await vi.waitFor(() => expect(runner.status().map((p) => p.state)).toEqual(["stopped", "live"]), { timeout: 5_000 });
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
    expect(await waitFor(v1, head)).toBe(true);
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
              if (visible.some((t) => t.version !== 1) || visible.reduce((sum, t) => sum + t.events, 0) !== 300)
                sawHalfBuilt = true;
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
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'tallies__g%' AND type = 'table'").get()).toEqual({
      n: 1,
    });
  });

  it("stops a projection whose rebuild fails on an event, naming it, and keeps the generation in service", async () => {
    const head = await append(10);
    const v1 = await start({ version: 1 });
    expect(await waitFor(v1, head)).toBe(true);
    await Effect.runPromise(v1.stop());
    const breaking = await Effect.runPromise(store.append("tally-x", [counted(999)], ExpectedRevision.any));
    const runner = new ProjectionRunner(db, store, [
      tallyProjection({ version: 2, failOn: (data) => (data as { n: number }).n === 999 }),
    ]);
    runners.push(runner);
    await Effect.runPromise(runner.start());
    await vi.waitFor(() => expect(runner.status()[0]!.state).toBe("stopped"), { timeout: 5_000 });
    expect(runner.status()[0]!.failure).toMatchObject({ position: breaking.position, type: "Counted" });
    expect(runner.status()[0]!.failure!.message).toMatch(/^tallies failed on Counted .* this event breaks the tally$/);
    expect(tallies().every((t) => t.version === 1)).toBe(true);
  });

  it("stops a projection whose rebuilt rows break one of its keys, naming it, and keeps the generation in service", async () => {
    const head = await append(6);
    const v1 = new ProjectionRunner(db, store, [logged("n")]);
    runners.push(v1);
    await Effect.runPromise(v1.start());
    expect(await waitFor(v1, head)).toBe(true);
    await Effect.runPromise(v1.stop());
    const runner = new ProjectionRunner(db, store, [logged("stream_id", 2)]);
    runners.push(runner);
    await Effect.runPromise(runner.start());
    await vi.waitFor(() => expect(runner.status()[0]!.state).toBe("stopped"), { timeout: 5_000 });
    expect(runner.status()[0]!.failure).toEqual({
      position: 0,
      eventId: "",
      type: "",
      message: "logged failed as its rows were indexed: UNIQUE constraint failed: logged__g2.stream_id",
    });
    expect(db.prepare("SELECT count(*) AS n FROM logged__g1").get()).toEqual({ n: 6 });
  });

  it("picks up a rebuild another process swapped in, and brings a stopped projection back", async () => {
    await append(10);
    await Effect.runPromise(store.append("tally-x", [counted(999)], ExpectedRevision.any));
    const runner = new ProjectionRunner(db, store, [tallyProjection({ failOn: (data) => (data as { n: number }).n === 999 })]);
    runners.push(runner);
    await Effect.runPromise(runner.start());
    await vi.waitFor(() => expect(runner.status()[0]!.state).toBe("stopped"), { timeout: 5_000 });

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
    expect(await waitFor(runner, head)).toBe(true);
    await Effect.runPromise(store.append("tally-x", [counted(999)], ExpectedRevision.any));
    const exit = await Effect.runPromiseExit(
      rebuildProjections(db, store, [tallyProjection({ version: 2, failOn: (data) => (data as { n: number }).n === 999 })]),
    );
    expect(exit._tag).toBe("Failure");
    expect(tallies().every((t) => t.version === 1)).toBe(true);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'tallies__g%' AND type = 'table'").get()).toEqual({
      n: 1,
    });
  });

  it("tells a database that refuses the batch from an event the new code fails on", async () => {
    await append(5);
    const locked = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
    const refused = {
      ...tallyProjection({ version: 2 }),
      bind: () => () => {
        throw locked;
      },
    };
    expect(await Effect.runPromise(Effect.flip(rebuildProjections(db, store, [refused])))).toBeInstanceOf(ReadModelWriteFailed);
    const failing = tallyProjection({ version: 2, failOn: () => true });
    expect(await Effect.runPromise(Effect.flip(rebuildProjections(db, store, [failing])))).toBeInstanceOf(RebuildFailed);
  });

  it("checks a projection's keys once its rows are in, and fails, naming it, when they break one", async () => {
    await append(6);
    await Effect.runPromise(rebuildProjections(db, store, [logged("n")]));
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'logged__g1_k0'").get()).toEqual({
      sql: "CREATE UNIQUE INDEX logged__g1_k0 ON logged__g1 (n)",
    });
    // Three streams, six events: each stream_id twice.
    const failure = await Effect.runPromise(Effect.flip(rebuildProjections(db, store, [logged("stream_id")])));
    expect(failure).toBeInstanceOf(RebuildFailed);
    expect(failure.message).toBe("logged failed as its rows were indexed: UNIQUE constraint failed: logged__g2.stream_id");
    expect(db.prepare("SELECT count(*) AS n FROM logged").get()).toEqual({ n: 6 });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'logged__g2%'").get()).toEqual({ n: 0 });
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

  it("drop what a handler remembers of its writes once the other process has written after them", async () => {
    // The server and `mandat state`: two connections to one read-model file, two store
    // connections to one log, neither told of the other's appends (they poll rarely here).
    const dir = mkdtempSync(join(tmpdir(), "mandat-two-processes-"));
    const openStore = () => SqliteEventStore.open({ path: join(dir, "events.sqlite"), pollIntervalMs: 60_000 });
    const openDb = () => openReadModelDatabase(join(dir, "read-models.sqlite"));
    const [serverStore, cliStore, serverDb, cliDb] = [openStore(), openStore(), openDb(), openDb()] as const;
    const mandateId = randomUUID();
    const stream = initiativeStream(randomUUID());
    // Amendments are read-modify-write: each version builds on the one before.
    const amend = async (via: SqliteEventStore, count: number) => {
      for (let i = 0; i < count; i++) {
        const changes = { budgetSek: 1_000 * (i + 1) };
        const event = mandatEvent("MandateAmended", { mandateId, changes, reason: "Justering", effectiveFrom: "2025-02-01" });
        await Effect.runPromise(via.append(stream, [event], ExpectedRevision.any));
      }
      return Effect.runPromise(via.headPosition);
    };
    const grant = {
      mandateId,
      scope: [{ id: "S1", text: "Läsning" }],
      boundaries: [{ id: "B1", text: "Inom skoltid" }],
      principles: [{ id: "P1", text: "Barnen först" }],
      steering: "broad",
      validFrom: "2025-01-01",
    };
    const server = new ProjectionRunner(serverDb, serverStore, [mandateHistoryProjection]);
    const cli = new ProjectionRunner(cliDb, cliStore, [mandateHistoryProjection]);
    try {
      await Effect.runPromise(serverStore.append(stream, [mandatEvent("MandateGranted", grant)], ExpectedRevision.any));
      const served = await amend(serverStore, 3);
      await Effect.runPromise(server.start());
      expect(await waitFor(server, served)).toBe(true);
      // The CLI catches up on amendments the server has not been told of yet, and exits.
      const caughtUp = await amend(cliStore, 3);
      await Effect.runPromise(cli.start());
      expect(await waitFor(cli, caughtUp)).toBe(true);
      await Effect.runPromise(cli.stop());
      // The server's next batch holds those and three more, of which it applies the three.
      const head = await amend(serverStore, 3);
      expect(await waitFor(server, head)).toBe(true);
      expect(server.status()[0]).toMatchObject({ state: "live", position: head });
      const versions = serverDb.prepare<[], { version: number }>("SELECT version FROM mandate_versions ORDER BY version").all();
      expect(versions.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      await Effect.runPromise(Effect.zipRight(server.stop(), cli.stop()));
      for (const connection of [serverDb, cliDb, serverStore, cliStore]) connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("waitFor, for the read models a read names", () => {
  it("answers false as soon as a named read model stops short of the position, whatever the others do", async () => {
    await append(10);
    await Effect.runPromise(store.append("tally-x", [counted(999)], ExpectedRevision.any));
    const head = await append(5);
    const runner = new ProjectionRunner(
      db,
      store,
      [tallyProjection({ failOn: (data) => (data as { n: number }).n === 999 }), mandateHistoryProjection],
      { batchSize: 4 },
    );
    runners.push(runner);
    await Effect.runPromise(runner.start());
    expect(await Effect.runPromise(runner.waitFor(head, 5_000, ["mandate-history"]))).toBe(true);
    const asked = Date.now();
    expect(await Effect.runPromise(runner.waitFor(head, 5_000, ["tallies"]))).toBe(false);
    expect(Date.now() - asked).toBeLessThan(2_000);
    // Named by nobody, as at start-up: the stopped one stops alone, the others are waited for.
    expect(await Effect.runPromise(runner.waitFor(head, 5_000))).toBe(true);
    // What it applied before it stopped is still there to read.
    const stoppedAt = runner.status()[0]!.position;
    expect(stoppedAt).toBeGreaterThan(0);
    expect(await Effect.runPromise(runner.waitFor(stoppedAt, 50, ["tallies"]))).toBe(true);
    // A read of the log itself names no read model, and waits for none.
    expect(await Effect.runPromise(runner.waitFor(head + 100, 50, []))).toBe(true);
  });

  it("answers for the other read models while one is rebuilt, and the rebuild outlasts a store that is briefly away", async () => {
    const head = await append(300, 5);
    const v1 = new ProjectionRunner(db, store, [tallyProjection({ version: 1 }), mandateHistoryProjection]);
    runners.push(v1);
    await Effect.runPromise(v1.start());
    expect(await waitFor(v1, head)).toBe(true);
    await Effect.runPromise(v1.stop());

    // The rebuild's reads of the log fail twice before the store answers again.
    let failures = 2;
    const flaky: EventStoreService = Object.assign(Object.create(store) as EventStoreService, {
      openLogCursor: (options: Parameters<EventStoreService["openLogCursor"]>[0]) =>
        Effect.map(store.openLogCursor(options), (cursor) => ({
          next: Effect.suspend(() =>
            failures-- > 0 ? Effect.fail(new StoreUnavailable({ reason: "connection lost" })) : cursor.next,
          ),
        })),
    });
    const runner = new ProjectionRunner(db, flaky, [tallyProjection({ version: 2 }), mandateHistoryProjection], {
      batchSize: 50,
    });
    runners.push(runner);
    await Effect.runPromise(runner.start());
    expect(await Effect.runPromise(runner.waitFor(head, 5_000, ["mandate-history"]))).toBe(true);
    expect(runner.status()[0]).toMatchObject({ name: "tallies", state: "rebuilding" });
    expect(await Effect.runPromise(runner.waitFor(head, 5_000, ["tallies"]))).toBe(true);
    expect(failures).toBeLessThan(0);
    expect(runner.status()[0]).toMatchObject({ name: "tallies", state: "live", position: head });
    expect(tallies().every((t) => t.version === 2)).toBe(true);
    expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBe(300);
  });
});

describe("following after another process's rebuild", () => {
  it("follows the read models it swapped in together with one subscription", async () => {
    let subscriptions = 0;
    const counting: EventStoreService = Object.assign(Object.create(store) as EventStoreService, {
      subscribe: (options: Parameters<EventStoreService["subscribe"]>[0]) => {
        subscriptions += 1;
        return store.subscribe(options);
      },
    });
    await append(10);
    const runner = new ProjectionRunner(db, counting, [tallyProjection({}), mandateHistoryProjection]);
    runners.push(runner);
    await Effect.runPromise(runner.start());
    expect(subscriptions).toBe(1);
    await Effect.runPromise(rebuildProjections(db, store, [tallyProjection({}), mandateHistoryProjection]));
    const head = await append(5);
    expect(await waitFor(runner, head)).toBe(true);
    expect(subscriptions).toBe(2);
    expect(tallies().reduce((sum, t) => sum + t.events, 0)).toBe(15);
  });
});

describe("a read-model database that is briefly locked by another writer", () => {
  let dir: string;
  let path: string;
  let fileDb: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mandat-locked-"));
    path = join(dir, "read-models.sqlite");
    fileDb = openReadModelDatabase(path);
    fileDb.pragma("busy_timeout = 20");
  });
  afterEach(() => {
    fileDb.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** Another connection holding the write lock, as a second process would. */
  const lockFile = (): Database.Database => {
    const other = new Database(path);
    other.exec("BEGIN IMMEDIATE");
    return other;
  };

  it("keeps every projection running and applies each event once, after the lock is gone", async () => {
    const runner = new ProjectionRunner(fileDb, store, [tallyProjection({})], { batchSize: 5 });
    runners.push(runner);
    await Effect.runPromise(runner.start());
    const other = lockFile();
    const head = await append(12);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runner.status()[0]!.state).not.toBe("stopped");
    other.exec("COMMIT");
    other.close();
    expect(await waitFor(runner, head)).toBe(true);
    const total = fileDb.prepare<[], { n: number }>("SELECT sum(events) AS n FROM tallies").get()!.n;
    expect(total).toBe(12);
    expect(runner.status()[0]).toMatchObject({ state: "live", position: head });
  });

  it("fails a rebuild with ReadModelWriteFailed, not a crash, and builds nothing half-way", async () => {
    await append(5);
    const other = lockFile();
    try {
      const error = await Effect.runPromise(Effect.flip(rebuildProjections(fileDb, store, [tallyProjection({})])));
      expect(error).toBeInstanceOf(ReadModelWriteFailed);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    const built = fileDb.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'tallies__g%'").get();
    expect(built).toEqual({ n: 0 });
    await Effect.runPromise(rebuildProjections(fileDb, store, [tallyProjection({})]));
    expect(fileDb.prepare<[], { n: number }>("SELECT sum(events) AS n FROM tallies").get()!.n).toBe(5);
  });

  it("checkpoints the WAL rarely while rebuilding, and as before once the rebuild ends, however it ends", async () => {
    await append(5);
    const checkpointEvery = () => fileDb.pragma("wal_autocheckpoint", { simple: true });
    fileDb.pragma("wal_autocheckpoint = 500");
    const during: unknown[] = [];
    const seen = tallyProjection({ version: 2 });
    const watched = {
      ...seen,
      bind: (...args: Parameters<typeof seen.bind>) => (during.push(checkpointEvery()), seen.bind(...args)),
    };
    await Effect.runPromise(rebuildProjections(fileDb, store, [watched]));
    expect(during).toEqual([8_000]);
    expect(checkpointEvery()).toBe(500);
    const failing = tallyProjection({ version: 3, failOn: () => true });
    expect(await Effect.runPromise(Effect.flip(rebuildProjections(fileDb, store, [failing])))).toBeInstanceOf(RebuildFailed);
    expect(checkpointEvery()).toBe(500);
  });
});

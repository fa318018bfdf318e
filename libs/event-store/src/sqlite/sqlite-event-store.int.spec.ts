import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Cause, Chunk, Effect, Either, Exit, Fiber, Stream } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ContractFixture, eventStoreContract, testEvent } from "../../testing/event-store-contract.js";
import { runModuleScript } from "../../testing/run-module-script.js";
import { verifyStore } from "../integrity/verify-store.js";
import type { StoreUnavailable } from "../port/errors.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import { SqliteEventStore } from "./sqlite-event-store.js";

// On disk, every log cursor that reads ahead does so on a thread (readAheadThreshold 0): the
// suite's logs are far shorter than the threshold. The other cursors read on the caller's thread.
const onDisk: ContractFixture = {
  name: "SQLite on disk",
  open: async ({ clock }) => {
    const dir = mkdtempSync(join(tmpdir(), "mandat-store-"));
    const path = join(dir, "events.sqlite");
    const options = { path, clock, pollIntervalMs: 50, readAheadThreshold: 0 };
    let store = SqliteEventStore.open(options);
    const tamper = (sql: string, ...params: unknown[]) => {
      const db = new Database(path);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    };
    return {
      get store() {
        return store;
      },
      get admin() {
        return store;
      },
      restart: async () => {
        store.close();
        store = SqliteEventStore.open(options);
        return store;
      },
      tampering: {
        editData: async (position, data) =>
          tamper("UPDATE events SET data = ? WHERE position = ?", JSON.stringify(data), position),
        remove: async (position) => tamper("DELETE FROM events WHERE position = ?", position),
        swapPositions: async (a, b) => {
          const db = new Database(path);
          try {
            db.transaction(() => {
              db.prepare("UPDATE events SET position = -1 WHERE position = ?").run(a);
              db.prepare("UPDATE events SET position = ? WHERE position = ?").run(a, b);
              db.prepare("UPDATE events SET position = ? WHERE position = -1").run(b);
            })();
          } finally {
            db.close();
          }
        },
      },
      close: async () => {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const inMemory: ContractFixture = {
  name: "SQLite in memory",
  withoutTampering: `an in-memory database is reachable only through the store's own connection; the tampering tests run on "${onDisk.name}"`,
  open: async ({ clock }) => {
    const store = SqliteEventStore.open({ path: ":memory:", clock, pollIntervalMs: 50 });
    return { store, admin: store, close: async () => store.close() };
  },
};

eventStoreContract(onDisk);
eventStoreContract(inMemory);

const run = Effect.runPromise;
const isDefect = (exit: Exit.Exit<unknown, unknown>) => Exit.isFailure(exit) && Cause.isDie(exit.cause);

describe("SQLite group commit", () => {
  it("fails only the append whose payload JSON cannot hold, not the others of its transaction", async () => {
    const store = SqliteEventStore.open({ path: ":memory:" });
    try {
      const exits = await Promise.all([
        Effect.runPromiseExit(store.append("fine-1", [testEvent("E")], ExpectedRevision.noStream)),
        Effect.runPromiseExit(store.append("bigint", [testEvent("E", { n: 10n })], ExpectedRevision.noStream)),
        Effect.runPromiseExit(store.append("fine-2", [testEvent("E")], ExpectedRevision.noStream)),
        Effect.runPromiseExit(
          store.append("bigint-answer", [testEvent("E")], ExpectedRevision.noStream, {
            idempotency: { key: "k", fingerprint: "f", response: { n: 10n } },
          }),
        ),
      ]);
      expect(exits.map(Exit.isSuccess)).toEqual([true, false, true, false]);
      expect(isDefect(exits[1]!) && isDefect(exits[3]!)).toBe(true);
      expect((await run(store.readAll())).map((e) => e.streamId)).toEqual(["fine-1", "fine-2"]);
    } finally {
      store.close();
    }
  });
});

describe("SQLite import", () => {
  const logWrittenAt = async (instant: string, streams: ReadonlyArray<string>) => {
    const store = SqliteEventStore.open({ path: ":memory:", clock: () => new Date(instant) });
    try {
      for (const stream of streams) await run(store.append(stream, [testEvent("E")], ExpectedRevision.noStream));
      return await run(store.readAll());
    } finally {
      store.close();
    }
  };
  let target: SqliteEventStore;
  beforeEach(() => {
    target = SqliteEventStore.open({ path: ":memory:" });
  });
  afterEach(() => target.close());

  it("numbers imported events on from its head, whatever their positions were, and stays verifiable", async () => {
    const fromSparseLog = (await logWrittenAt("2025-03-01T10:00:00.000Z", ["a", "b", "c"])).map((event, i): RecordedEvent => ({
      ...event,
      position: [5_000, 6_001, 7_000][i]!,
    }));
    await run(target.importRecorded(fromSparseLog));
    expect((await run(target.readAll())).map((e) => e.position)).toEqual([1, 2, 3]);
    expect(await run(verifyStore(target, { densePositions: true }))).toEqual({ ok: true, checkedEvents: 3 });
  });

  it("refuses events recorded before the event they would follow, within a batch or after one", async () => {
    const [later] = await logWrittenAt("2025-03-01T10:00:00.000Z", ["later"]);
    const [earlier] = await logWrittenAt("2025-02-01T10:00:00.000Z", ["earlier"]);
    const together = await Effect.runPromiseExit(target.importRecorded([later!, earlier!]));
    expect(Exit.isFailure(together) && together.cause._tag === "Fail" && together.cause.error._tag).toBe("ImportRejected");
    expect(await run(target.headPosition)).toBe(0);
    await run(target.importRecorded([later!]));
    const after = await Effect.runPromiseExit(target.importRecorded([earlier!]));
    expect(Exit.isFailure(after) && after.cause._tag === "Fail" && after.cause.error._tag).toBe("ImportRejected");
    expect(await run(target.headPosition)).toBe(1);
  });
});

describe("SQLite store shared with another process", () => {
  const event = testEvent("E");
  let dir: string;
  let ours: SqliteEventStore;
  let theirs: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mandat-shared-"));
    ours = SqliteEventStore.open({ path: join(dir, "events.sqlite"), pollIntervalMs: 30 });
    theirs = SqliteEventStore.open({ path: join(dir, "events.sqlite"), pollIntervalMs: 30 });
  });
  afterEach(() => {
    ours.close();
    theirs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("never appends on a stale view of a stream another process wrote", async () => {
    await run(theirs.append("shared-1", [event], ExpectedRevision.noStream));
    const exit = await Effect.runPromiseExit(ours.append("shared-1", [event], ExpectedRevision.noStream));
    expect(Exit.isFailure(exit)).toBe(true);
    const next = await run(ours.append("shared-1", [event], ExpectedRevision.at(0)));
    expect(next).toMatchObject({ revision: 1, position: 2 });
    const [first, second] = await run(theirs.readStream("shared-1"));
    expect(second!.metadata.prevHash).toBe(first!.metadata.hash);
  });

  it("sees a stream another process created after its own stream heads were loaded", async () => {
    // Our first append loads the stream heads: from then on, a stream missing there is looked for again.
    await run(ours.append("ours-2", [event], ExpectedRevision.noStream));
    await run(theirs.append("shared-2", [event], ExpectedRevision.noStream));
    expect(await run(ours.readStream("shared-2"))).toHaveLength(1);
    const next = await run(ours.append("shared-2", [event], ExpectedRevision.at(0)));
    expect(next).toMatchObject({ revision: 1, position: 3 });
  });

  it("delivers another process's appends to its subscribers", async () => {
    const fiber = Effect.runFork(Stream.runCollect(Stream.take(ours.subscribe({ fromPosition: 1 }), 2)));
    await run(theirs.append("shared-3", [event, event], ExpectedRevision.noStream));
    const received = Chunk.toReadonlyArray(await run(Fiber.join(fiber)));
    expect(received.map((e) => e.revision)).toEqual([0, 1]);
  });
});

describe("SQLite log cursor", () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mandat-cursor-"));
    path = join(dir, "events.sqlite");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const appendMany = async (store: SqliteEventStore, streams: number, eventsEach: number) => {
    for (let s = 0; s < streams; s++) {
      const events = Array.from({ length: eventsEach }, (_, i) => testEvent("E", { s, i, text: 'ä\u2028"' }));
      await run(store.append(`cursor-${s}`, events, ExpectedRevision.noStream));
    }
  };
  const walk = (store: SqliteEventStore, fromPosition: number, batchSize: number) =>
    Effect.scoped(
      Effect.gen(function* () {
        const cursor = yield* store.openLogCursor({ fromPosition, batchSize, readAhead: true });
        const batches: Array<ReadonlyArray<RecordedEvent>> = [];
        for (let batch = yield* cursor.next; batch.length > 0; batch = yield* cursor.next) batches.push(batch);
        return batches;
      }),
    );

  it("reads on a thread, batch after batch, exactly what readAll reads", async () => {
    const store = SqliteEventStore.open({ path, readAheadThreshold: 0 });
    try {
      await appendMany(store, 25, 100);
      const batches = await run(walk(store, 1, 300));
      expect(batches.map((batch) => batch.length)).toEqual([300, 300, 300, 300, 300, 300, 300, 300, 100]);
      expect(batches.flat()).toEqual(await run(store.readAll()));
    } finally {
      store.close();
    }
  });

  it("reads ahead on a thread only far enough from the head, and only when asked to", async () => {
    const store = SqliteEventStore.open({ path, readAheadThreshold: 5 });
    await appendMany(store, 1, 10);
    // Told apart by closing the store: its connection then refuses, the thread's own does not.
    const outcomes = await run(
      Effect.scoped(
        Effect.gen(function* () {
          const cursors = [
            yield* store.openLogCursor({ fromPosition: 8, batchSize: 10, readAhead: true }),
            yield* store.openLogCursor({ fromPosition: 1, batchSize: 10 }),
            yield* store.openLogCursor({ fromPosition: 1, batchSize: 10, readAhead: true }),
          ];
          store.close();
          return yield* Effect.forEach(cursors, (cursor) => Effect.either(cursor.next));
        }),
      ),
    );
    expect(outcomes).toMatchObject([
      { _tag: "Left", left: { _tag: "StoreUnavailable" } },
      { _tag: "Left", left: { _tag: "StoreUnavailable" } },
      { _tag: "Right", right: { length: 10 } },
    ]);
  });

  it("fails with StoreUnavailable once neither the thread nor the store's own connection can read, and goes on failing", async () => {
    const store = SqliteEventStore.open({ path, readAheadThreshold: 0 });
    try {
      await appendMany(store, 1, 50);
      const outcomes = await run(
        Effect.scoped(
          Effect.gen(function* () {
            const cursor = yield* store.openLogCursor({ fromPosition: 1, batchSize: 1, readAhead: true });
            const first = yield* cursor.next;
            // The log's table goes from under both readers: the batches read ahead still come,
            // then the thread fails, and so does the store's connection it falls back on.
            const db = new Database(path);
            db.exec("ALTER TABLE events RENAME TO events_gone");
            db.close();
            const after: Array<Either.Either<ReadonlyArray<RecordedEvent>, StoreUnavailable>> = [];
            for (let i = 0; i < 6; i++) after.push(yield* Effect.either(cursor.next));
            return { first, after };
          }),
        ),
      );
      expect(outcomes.first).toHaveLength(1);
      const failures = outcomes.after.filter(Either.isLeft).map((failure) => failure.left);
      expect(outcomes.after.slice(0, -failures.length).every(Either.isRight)).toBe(true);
      expect(failures.length).toBeGreaterThanOrEqual(3);
      for (const failure of failures) {
        expect(failure).toMatchObject({ _tag: "StoreUnavailable", reason: expect.stringContaining("no such table: events") });
      }
    } finally {
      store.close();
    }
  });

  it("leaves the process free to end once the cursor's scope has closed", async () => {
    // The store is never closed: only the thread could hold the process, and it must not.
    const script = `
      import { Effect } from "effect";
      import { ExpectedRevision } from "#event-store";
      import { SqliteEventStore } from "#event-store/sqlite";
      const store = SqliteEventStore.open({ path: ${JSON.stringify(path)}, readAheadThreshold: 0 });
      const event = { type: "E", schemaVersion: 1, data: {}, metadata: { actor: { id: "a", roles: [] }, commandId: "c", correlationId: "c", causationId: "c" } };
      await Effect.runPromise(store.append("s", [event, event, event], ExpectedRevision.noStream));
      const first = await Effect.runPromise(Effect.scoped(Effect.flatMap(store.openLogCursor({ batchSize: 1, readAhead: true }), (cursor) => cursor.next)));
      console.log("read", first.length);
    `;
    expect(runModuleScript(script)).toEqual({ status: 0, signal: null, stdout: "read 1", stderr: "" });
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Cause, Chunk, Effect, Exit, Fiber, Stream } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ContractFixture, eventStoreContract, testEvent } from "../../testing/event-store-contract.js";
import { verifyStore } from "../integrity/verify-store.js";
import type { EnqueuedAppend } from "../port/enqueued-append.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import { SqliteEventStore, type SqliteEventStoreOptions, THREAD_BATCH_SIZE } from "./sqlite-event-store.js";

const onDisk: ContractFixture = {
  name: "SQLite on disk",
  open: async ({ clock }) => {
    const dir = mkdtempSync(join(tmpdir(), "mandat-store-"));
    const path = join(dir, "events.sqlite");
    let store = SqliteEventStore.open({ path, clock, pollIntervalMs: 50 });
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
        store = SqliteEventStore.open({ path, clock, pollIntervalMs: 50 });
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

/** A fresh log file for each store a test opens, removed after the test. */
const logFiles: string[] = [];
afterEach(() => {
  for (const dir of logFiles.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const freshLog = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "mandat-sqlite-"));
  logFiles.push(dir);
  return join(dir, "events.sqlite");
};

/** Both places a store writes its batches: what holds for one must hold for the other. */
const writers: ReadonlyArray<{
  readonly name: string;
  readonly open: (options?: Partial<SqliteEventStoreOptions>) => SqliteEventStore;
}> = [
  { name: "on its writer thread", open: (options) => SqliteEventStore.open({ path: freshLog(), ...options }) },
  { name: "on the event loop", open: (options) => SqliteEventStore.open({ path: ":memory:", ...options }) },
];

describe.each(writers)("SQLite group commit $name", ({ open }) => {
  it("fails only the append whose payload JSON cannot hold, not the others of its transaction", async () => {
    const store = open();
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

  it("writes what is queued before it closes, and refuses appends after", async () => {
    const store = open();
    const enqueued = Array.from({ length: 2 * THREAD_BATCH_SIZE + 3 }, (_, i) =>
      Effect.runSync(store.enqueueAppend(`closing-${i}`, [testEvent("E")], ExpectedRevision.noStream)),
    );
    store.close();
    const outcomes = await Promise.all(enqueued.map((append) => Effect.runPromiseExit(append.outcome)));
    expect(outcomes.filter(Exit.isSuccess)).toHaveLength(enqueued.length);
    const after = await Effect.runPromiseExit(store.append("late", [testEvent("E")], ExpectedRevision.noStream));
    expect(Exit.isFailure(after) && after.cause._tag === "Fail" && after.cause.error._tag).toBe("StoreUnavailable");
  });
});

describe("SQLite store writing on its thread", () => {
  /** Fills a batch, so that it goes to the thread at once, ending with `last`. */
  const sendBatchEndingWith = (store: SqliteEventStore, last: () => ReturnType<SqliteEventStore["enqueueAppend"]>) => {
    for (let i = 1; i < THREAD_BATCH_SIZE; i++) {
      Effect.runSync(store.enqueueAppend(`filler-${crypto.randomUUID()}`, [testEvent("E")], ExpectedRevision.noStream));
    }
    return Effect.runSync(last());
  };

  it.each([
    { leaderExpects: ExpectedRevision.noStream, follower: "written after it", outcome: { revision: 1 } },
    { leaderExpects: ExpectedRevision.at(7), follower: "refused with it", outcome: "ConcurrencyConflict" },
  ])("writes a follower sent while its leader is still on the thread $follower", async ({ leaderExpects, outcome }) => {
    const store = SqliteEventStore.open({ path: freshLog() });
    try {
      // Both batches leave in this turn of the event loop: the leader's reply cannot have come back yet.
      const leader = sendBatchEndingWith(store, () => store.enqueueAppend("s", [testEvent("Lead")], leaderExpects));
      const follower = sendBatchEndingWith(store, () =>
        store.enqueueAppend("s", [testEvent("Follow")], ExpectedRevision.any, { follows: leader }),
      );
      const exit = await Effect.runPromiseExit(follower.outcome);
      if (typeof outcome === "string") {
        expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag).toBe(outcome);
      } else {
        expect(Exit.isSuccess(exit) && exit.value).toMatchObject(outcome);
      }
    } finally {
      store.close();
    }
  });

  it("refuses an append enqueued while it closes, and writes nothing after close returns", async () => {
    const path = freshLog();
    const store = SqliteEventStore.open({ path });
    const late: EnqueuedAppend[] = [];
    const first = Effect.runSync(store.enqueueAppend("first", [testEvent("E")], ExpectedRevision.noStream));
    // Told the outcome inside close: a listener that appends at once.
    first.whenSettled(() => late.push(Effect.runSync(store.enqueueAppend("late", [testEvent("E")], ExpectedRevision.noStream))));
    store.close();
    expect(late).toHaveLength(1);
    const exit = await Effect.runPromiseExit(late[0]!.outcome);
    expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag).toBe("StoreUnavailable");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reopened = SqliteEventStore.open({ path, fileMustExist: true });
    try {
      expect((await run(reopened.readAll())).map((event) => event.streamId)).toEqual(["first"]);
    } finally {
      reopened.close();
    }
  });

  it("keeps the process alive while a batch is on the thread, and lets it end when the thread is idle", () => {
    const dir = mkdtempSync(join(tmpdir(), "mandat-thread-exit-"));
    logFiles.push(dir);
    // Never closed: an idle writer thread must not hold the process, a batch on it must.
    const script = `
      import { Effect } from "effect";
      import { ExpectedRevision } from "#event-store";
      import { SqliteEventStore } from "#event-store/sqlite";
      const store = SqliteEventStore.open({ path: ${JSON.stringify(join(dir, "events.sqlite"))} });
      const event = { type: "E", schemaVersion: 1, data: {}, metadata: { actor: { id: "a", roles: [] }, commandId: "c", correlationId: "c", causationId: "c" } };
      Effect.runPromise(store.append("s", [event], ExpectedRevision.noStream)).then((result) => console.log("committed", result.position));
    `;
    const child = spawnSync(process.execPath, ["--input-type=module", "--eval", script], {
      cwd: join(import.meta.dirname, "../../../.."),
      encoding: "utf8",
      timeout: 15_000,
    });
    expect({ status: child.status, signal: child.signal, stdout: child.stdout.trim(), stderr: child.stderr }).toEqual({
      status: 0,
      signal: null,
      stdout: "committed 1",
      stderr: "",
    });
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

describe.each(["thread", "event-loop"] as const)("SQLite store shared with another process, writing on the %s", (writer) => {
  const event = testEvent("E");
  let dir: string;
  let ours: SqliteEventStore;
  let theirs: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mandat-shared-"));
    ours = SqliteEventStore.open({ path: join(dir, "events.sqlite"), pollIntervalMs: 30, writer });
    theirs = SqliteEventStore.open({ path: join(dir, "events.sqlite"), pollIntervalMs: 30, writer });
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

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Cause, Chunk, Effect, Exit, Fiber, Stream } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ContractFixture, eventStoreContract, testEvent } from "../../testing/event-store-contract.js";
import { verifyStore } from "../integrity/verify-store.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import { SqliteEventStore } from "./sqlite-event-store.js";

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

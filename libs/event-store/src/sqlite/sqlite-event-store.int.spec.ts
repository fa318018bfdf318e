import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Chunk, Effect, Exit, Fiber, Stream } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ContractFixture, eventStoreContract, testEvent } from "../../testing/event-store-contract.js";
import { ExpectedRevision } from "../port/expected-revision.js";
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
      restart: async () => {
        store.close();
        store = SqliteEventStore.open({ path, clock, pollIntervalMs: 50 });
        return store;
      },
      tampering: {
        editData: async (position, data) => tamper("UPDATE events SET data = ? WHERE position = ?", JSON.stringify(data), position),
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
  open: async ({ clock }) => {
    const store = SqliteEventStore.open({ path: ":memory:", clock, pollIntervalMs: 50 });
    return { store, close: async () => store.close() };
  },
};

eventStoreContract(onDisk);
eventStoreContract(inMemory);

describe("SQLite store shared with another process", () => {
  const event = testEvent("E");
  const run = Effect.runPromise;
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

  it("sees another process's streams once it has looked again", async () => {
    await run(theirs.append("shared-2", [event], ExpectedRevision.noStream));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await run(ours.readStream("shared-2"))).toHaveLength(1);
  });

  it("delivers another process's appends to its subscribers", async () => {
    const fiber = Effect.runFork(Stream.runCollect(Stream.take(ours.subscribe({ fromPosition: 1 }), 2)));
    await run(theirs.append("shared-3", [event, event], ExpectedRevision.noStream));
    const received = Chunk.toReadonlyArray(await run(Fiber.join(fiber)));
    expect(received.map((e) => e.revision)).toEqual([0, 1]);
  });
});

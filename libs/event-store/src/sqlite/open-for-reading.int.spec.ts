import { mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Cause, Effect, Exit } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { testEvent } from "../../testing/event-store-contract.js";
import { folderDigests, isSqliteIndex } from "../../testing/folder-digests.js";
import { verifyStore } from "../integrity/verify-store.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import { SqliteEventStore } from "./sqlite-event-store.js";
import { SqliteSealStore } from "./sqlite-seal-store.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A log of `events` events in a folder of its own, closed as a server leaves it on stopping. */
async function closedLog(events: number): Promise<{ readonly dir: string; readonly path: string }> {
  const dir = mkdtempSync(join(tmpdir(), "mandat-read-only-"));
  dirs.push(dir);
  const path = join(dir, "mandat.sqlite");
  const writer = SqliteEventStore.open({ path });
  for (let n = 0; n < events; n++)
    await Effect.runPromise(writer.append(`stream-${n}`, [testEvent("Happened", { n })], ExpectedRevision.noStream));
  writer.close();
  return { dir, path };
}

const readAll = async (store: SqliteEventStore) => (await Effect.runPromise(store.readAll())).length;

describe("a SQLite log opened read-only", () => {
  it("reads and verifies a log closed cleanly without changing a byte of it", async () => {
    const { dir, path } = await closedLog(5);
    const before = folderDigests(dir);
    expect(before.map((line) => line.split(" ")[0])).toEqual(["mandat.sqlite"]);
    const store = SqliteEventStore.open({ path, access: "read-only" });
    expect(await readAll(store)).toBe(5);
    expect(await Effect.runPromise(verifyStore(store, { densePositions: true }))).toEqual({ ok: true, checkedEvents: 5 });
    expect(await Effect.runPromise(store.checkStorage)).toEqual([]);
    store.close();
    // SQLite's index may be left beside it, in a folder this process may write.
    expect(folderDigests(dir).filter((line) => !isSqliteIndex(line.split(" ")[0]!))).toEqual(before);
  });

  it("follows a symbolic link to the log, and reads what its -wal holds beside the file itself", async () => {
    const { dir, path } = await closedLog(2);
    const writer = SqliteEventStore.open({ path });
    await Effect.runPromise(writer.append("stream-in-the-wal", [testEvent("Happened")], ExpectedRevision.noStream));
    const link = join(dir, "link-to-the-log.sqlite");
    symlinkSync(path, link);
    const reader = SqliteEventStore.open({ path: link, access: "read-only" });
    expect(await readAll(reader)).toBe(3);
    reader.close();
    writer.close();
  });

  it("refuses appends as SQLite refuses to write, and the log keeps its events", async () => {
    const { path } = await closedLog(2);
    const store = SqliteEventStore.open({ path, access: "read-only" });
    const exit = await Effect.runPromiseExit(store.append("stream-new", [testEvent("Happened")], ExpectedRevision.noStream));
    expect(Exit.isFailure(exit) && Cause.pretty(exit.cause)).toMatch(/StoreUnavailable[\s\S]*readonly/);
    store.close();
    const reopened = SqliteEventStore.open({ path, access: "read-only" });
    expect(await readAll(reopened)).toBe(2);
    reopened.close();
  });

  it("reads a log a writer has open through the writer's own index, seeing what it appends afterwards", async () => {
    const { path } = await closedLog(1);
    const writer = SqliteEventStore.open({ path });
    const reader = SqliteEventStore.open({ path, access: "read-only" });
    await Effect.runPromise(writer.append("stream-later", [testEvent("Happened")], ExpectedRevision.noStream));
    expect(await readAll(reader)).toBe(2);
    reader.close();
    writer.close();
  });

  it("refuses a file that is not a log rather than give it tables, and a path with no file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mandat-read-only-"));
    dirs.push(dir);
    const other = join(dir, "other.sqlite");
    const db = new Database(other);
    db.exec("CREATE TABLE notes (text TEXT)");
    db.close();
    expect(() => SqliteEventStore.open({ path: other, access: "read-only" })).toThrow(/is not a Mandat event log/);
    expect(() => SqliteEventStore.open({ path: join(dir, "missing.sqlite"), access: "read-only" })).toThrow();
    expect(readdirSync(dir)).toEqual(["other.sqlite"]);
  });
});

describe("the seals opened read-only", () => {
  it("read as none where the log was never sealed, creating no file", async () => {
    const { dir } = await closedLog(1);
    const seals = SqliteSealStore.openForReading(join(dir, "seals.sqlite"));
    expect(await Effect.runPromise(seals.all)).toEqual([]);
    seals.close();
    expect(readdirSync(dir)).toEqual(["mandat.sqlite"]);
  });
});

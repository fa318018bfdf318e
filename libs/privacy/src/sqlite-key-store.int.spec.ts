import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Effect, Exit } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newPersonKey } from "./personal-data-cipher.js";
import { SqliteKeyStore } from "./sqlite-key-store.js";

let dir: string;
let keys: SqliteKeyStore;
const path = () => join(dir, "keys.sqlite");

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mandat-keys-"));
  keys = SqliteKeyStore.open(path());
});
afterEach(() => {
  keys.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Whether the key's bytes are anywhere in the store's files. */
const onDisk = (key: Buffer) =>
  [path(), `${path()}-wal`].some((file) => {
    try {
      return readFileSync(file).includes(key);
    } catch {
      return false;
    }
  });

/** A new key, stored for the person. */
const storedKey = async (personId: string): Promise<Buffer> => {
  const key = newPersonKey();
  await Effect.runPromise(keys.store(personId, key));
  return key;
};

describe("SqliteKeyStore", () => {
  it("keeps the key a registration was sealed with, the last one stored for a person", async () => {
    await storedKey("p-1");
    const last = await storedKey("p-1");
    expect(await Effect.runPromise(keys.find("p-1"))).toEqual(last);
  });
});

describe("SqliteKeyStore's file", () => {
  it("is readable by its owner only, its -wal and -shm too; one created readable by all is tightened on open", async () => {
    await Effect.runPromise(keys.store("p-1", newPersonKey()));
    const mode = (file: string) => statSync(file).mode & 0o777;
    for (const file of [path(), `${path()}-wal`, `${path()}-shm`]) expect(mode(file), file).toBe(0o600);
    keys.close();
    for (const file of [path(), `${path()}-wal`, `${path()}-shm`]) if (existsSync(file)) chmodSync(file, 0o644);
    keys = SqliteKeyStore.open(path());
    for (const file of [path(), `${path()}-wal`, `${path()}-shm`]) if (existsSync(file)) expect(mode(file), file).toBe(0o600);
  });
});

describe("SqliteKeyStore erasure", () => {
  it("leaves no copy of the key in the file or its WAL, and keeps the other keys", async () => {
    const erased = await storedKey("p-1");
    const kept = await storedKey("p-2");
    expect(onDisk(erased)).toBe(true);

    await Effect.runPromise(keys.erase("p-1"));

    expect(onDisk(erased)).toBe(false);
    expect(await Effect.runPromise(keys.find("p-1"))).toBeUndefined();
    expect(await Effect.runPromise(keys.find("p-2"))).toEqual(kept);
  });

  it("fails while another connection holds the log back, and completes once it lets go", async () => {
    const key = await storedKey("p-1");
    const reader = new Database(path());
    try {
      reader.exec("BEGIN");
      reader.prepare("SELECT count(*) FROM person_keys").get();

      const held = await Effect.runPromiseExit(keys.erase("p-1"));
      expect(held).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "KeyStoreUnavailable" } } });
      expect(onDisk(key)).toBe(true);

      reader.exec("COMMIT");
      expect(Exit.isSuccess(await Effect.runPromiseExit(keys.erase("p-1")))).toBe(true);
      expect(onDisk(key)).toBe(false);
    } finally {
      reader.close();
    }
  });
});

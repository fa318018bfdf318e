import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { READ_MODEL_PAGE_SIZE, openReadModelDatabase } from "./read-model-database.js";

describe("the read-model database", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mandat-read-models-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it(`is created with ${READ_MODEL_PAGE_SIZE}-byte pages, in WAL mode`, () => {
    const db = openReadModelDatabase(join(dir, "new.sqlite"));
    db.exec("CREATE TABLE t (x)");
    expect(db.pragma("page_size", { simple: true })).toBe(READ_MODEL_PAGE_SIZE);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("keeps the pages of one created before, and opens it as before", () => {
    const path = join(dir, "old.sqlite");
    const old = new Database(path);
    old.pragma("journal_mode = WAL");
    old.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    old.close();
    const db = openReadModelDatabase(path);
    expect(db.pragma("page_size", { simple: true })).toBe(4_096);
    expect(db.prepare("SELECT x FROM t").get()).toEqual({ x: 1 });
    db.close();
  });
});

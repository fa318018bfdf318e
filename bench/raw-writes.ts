import { rmSync } from "node:fs";
import { openReadModelDatabase } from "#projections";
import Database from "better-sqlite3";
import { type Throughput, now, throughput } from "./measure.js";

/** Rows a rebuild commits together: a batch of 2,000 events leaves about this many. */
const ROWS_PER_TRANSACTION = 2_200;

/**
 * The floor under a rebuild's writes: the rows of every table a rebuild left in
 * `rebuiltPath`, each table's loaded into memory first (that read is not timed), written
 * by prepared statements into an empty database with the read models' pragmas, then every
 * index. Generous to the rebuild: no projection logic, no updates (only the rows as they
 * ended), each table written in one run and every index deferred. The rebuild reads and
 * parses the log as well, so it cannot beat raw read + parse by more than this allows.
 */
export function rawWritesOfRebuiltRows(rebuiltPath: string, scratchPath: string): Throughput {
  const rebuilt = new Database(rebuiltPath, { readonly: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${scratchPath}${suffix}`, { force: true });
  const db = openReadModelDatabase(scratchPath);
  try {
    const tables = rebuilt
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_\\_g%' ESCAPE '\\'",
      )
      .all();
    const indexes = rebuilt
      .prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .pluck()
      .all();
    for (const { sql } of tables) db.exec(sql);
    let rows = 0;
    let writingMs = 0;
    for (const { name } of tables) {
      const all = rebuilt.prepare(`SELECT * FROM ${name}`).raw(true).all() as unknown[][];
      if (all.length === 0) continue;
      const insert = db.prepare(`INSERT INTO ${name} VALUES (${all[0]!.map(() => "?").join(", ")})`);
      const write = db.transaction((from: number) => {
        for (let i = from; i < Math.min(from + ROWS_PER_TRANSACTION, all.length); i++) insert.run(...all[i]!);
      });
      const started = now();
      for (let from = 0; from < all.length; from += ROWS_PER_TRANSACTION) write(from);
      writingMs += now() - started;
      rows += all.length;
    }
    const started = now();
    db.transaction(() => {
      for (const sql of indexes) db.exec(sql);
    })();
    return throughput(rows, writingMs + (now() - started));
  } finally {
    db.close();
    rebuilt.close();
  }
}

import { rmSync } from "node:fs";
import { REBUILD_CHECKPOINT_PAGES, openReadModelDatabase } from "#projections";
import Database from "better-sqlite3";
import { type Throughput, now, throughput } from "./measure.js";

/** Rows a rebuild commits together: a batch of 2,000 events leaves about this many. */
const ROWS_PER_TRANSACTION = 2_200;

/**
 * What writing a rebuild's rows costs on its own: the rows of every table a rebuild left in
 * `rebuiltPath`, each table's loaded into memory first (that read is not timed), written
 * by prepared statements into an empty database with the read models' pragmas and the
 * rebuild's checkpoint interval, then their indexes. It spares the rebuild's writes their
 * projection logic and updates (only the rows as they ended), writes each table in one run
 * and defers every index; it keeps today's rows, indexes, pragmas and batches, which a
 * different read-model design could change.
 */
export function rawWritesOfRebuiltRows(rebuiltPath: string, scratchPath: string): Throughput {
  const rebuilt = new Database(rebuiltPath, { readonly: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${scratchPath}${suffix}`, { force: true });
  const db = openReadModelDatabase(scratchPath);
  db.pragma(`wal_autocheckpoint = ${REBUILD_CHECKPOINT_PAGES}`);
  try {
    const tables = rebuilt
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_\\_g%' ESCAPE '\\'",
      )
      .all();
    const indexes = rebuilt
      .prepare<[], string>(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name LIKE '%\\_\\_g%' ESCAPE '\\'",
      )
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

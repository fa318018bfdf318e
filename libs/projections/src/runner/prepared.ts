import type Database from "better-sqlite3";

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection and SQL text. Queries run on every
 * request; compiling their SQL each time costs more than running it. A statement on a
 * view survives the view being swapped to another generation: SQLite recompiles it.
 */
export function prepared<Parameters extends unknown[] | object = unknown[], Row = unknown>(
  db: Database.Database,
  sql: string,
): Database.Statement<Parameters, Row> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Database.Statement<Parameters, Row>;
}

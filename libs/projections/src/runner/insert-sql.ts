/**
 * `INSERT INTO <table> (<columns>) VALUES (?, ...)`: a statement whose values are bound by
 * position, in the order of `columns`. Projections bind positionally because better-sqlite3
 * looks each named parameter up in the object passed, which made binding cost more than
 * SQLite's insert itself during a rebuild (issue 16).
 */
export const insertSql = (table: string, columns: ReadonlyArray<string>): string =>
  `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;

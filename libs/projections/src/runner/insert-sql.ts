/**
 * `INSERT INTO <table> (<columns>) VALUES (?, ...)`: a statement whose values are bound by
 * position, in the order of `columns`. The projections fed many events bind positionally:
 * better-sqlite3 looks each named parameter up in the object passed, which cost more than
 * SQLite's insert itself during a rebuild (issue 16). Those fed a few events a year (people,
 * organisations, budgets, minutes) keep their named parameters.
 */
export const insertSql = (table: string, columns: ReadonlyArray<string>): string =>
  `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;

import type Database from "better-sqlite3";
import type { AnyProjection, PhysicalTables } from "./projection-definition.js";

/**
 * Every build of a read model writes its own generation of tables (`<table>__g<n>`);
 * readers query a view named after the logical table, which points at the generation in
 * service. Swapping generations is replacing views inside one transaction.
 */
export const physicalTables = (projection: AnyProjection, generation: number): PhysicalTables =>
  Object.fromEntries(Object.keys(projection.tables).map((table) => [table, `${table}__g${generation}`]));

/** Creates a generation's tables with their lookup indexes, and the query indexes and keys unless deferred. */
export function createGeneration(
  db: Database.Database,
  projection: AnyProjection,
  generation: number,
  options: { readonly deferIndexes?: boolean } = {},
): PhysicalTables {
  const tables = physicalTables(projection, generation);
  for (const [logical, definition] of Object.entries(projection.tables)) {
    const physical = tables[logical]!;
    db.exec(`DROP TABLE IF EXISTS ${physical}`);
    db.exec(`CREATE TABLE ${physical} (${definition.columns})`);
    for (const [i, columns] of (definition.lookups ?? []).entries()) {
      db.exec(`CREATE INDEX ${physical}_l${i} ON ${physical} (${columns})`);
    }
  }
  if (!options.deferIndexes) createIndexes(db, projection, generation);
  return tables;
}

export function createIndexes(db: Database.Database, projection: AnyProjection, generation: number): void {
  const tables = physicalTables(projection, generation);
  for (const [logical, definition] of Object.entries(projection.tables)) {
    const physical = tables[logical]!;
    for (const [i, columns] of (definition.indexes ?? []).entries()) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${physical}_i${i} ON ${physical} (${columns})`);
    }
    for (const [i, columns] of (definition.keys ?? []).entries()) {
      db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${physical}_k${i} ON ${physical} (${columns})`);
    }
  }
}

export function pointViewsAt(db: Database.Database, projection: AnyProjection, generation: number): void {
  const tables = physicalTables(projection, generation);
  for (const logical of Object.keys(projection.tables)) {
    db.exec(`DROP VIEW IF EXISTS ${logical}`);
    db.exec(`CREATE VIEW ${logical} AS SELECT * FROM ${tables[logical]}`);
  }
}

export function dropGeneration(db: Database.Database, projection: AnyProjection, generation: number): void {
  for (const physical of Object.values(physicalTables(projection, generation))) db.exec(`DROP TABLE IF EXISTS ${physical}`);
}

/** Tables of generations no checkpoint refers to: left behind by a build that never finished. */
export function dropAbandonedGenerations(db: Database.Database, projection: AnyProjection, keep: number): void {
  const prefixes = Object.keys(projection.tables).map((table) => `${table}__g`);
  const rows = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  for (const { name } of rows) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (prefix && Number(name.slice(prefix.length)) !== keep) db.exec(`DROP TABLE IF EXISTS ${name}`);
  }
}

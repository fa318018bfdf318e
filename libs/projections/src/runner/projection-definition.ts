import type { RecordedEvent } from "#event-store";
import type Database from "better-sqlite3";

/** One table of a read model: its columns and the indexes its queries need. */
export interface TableDefinition {
  /** What goes between the parentheses of CREATE TABLE. */
  readonly columns: string;
  /**
   * Column lists to index for the queries, e.g. "initiative_id, recorded_at". A rebuild
   * creates them after loading the rows, which is cheaper than maintaining them row by row.
   */
  readonly indexes?: ReadonlyArray<string>;
  /**
   * Column lists that are unique but that none of the projection's writes look rows up by
   * (an id the log assigned): created with `indexes`, so a rebuild checks them once, after
   * the rows, rather than inserting each row into a unique index of random keys. A duplicate
   * fails the rebuild then (RebuildFailed), as the row would have failed as it was written.
   */
  readonly keys?: ReadonlyArray<string>;
  /** Indexes the projection's own writes look rows up by: present from the start. */
  readonly lookups?: ReadonlyArray<string>;
}

/** Physical table names of the generation being written, by logical table name. */
export type PhysicalTables<Table extends string = string> = Readonly<Record<Table, string>>;

/** Applies one event to the read model's tables; throws to stop the projection. */
export type ApplyEvent = (event: RecordedEvent) => void;

/**
 * A read model fed from the log. Raising `version` makes the runner rebuild it from
 * position 0 beside the old tables and swap it in when complete. Its rows must derive
 * from events alone (never the wall clock), so a rebuild gives exactly the same rows.
 */
export interface ProjectionDefinition<Table extends string = string> {
  readonly name: string;
  readonly version: number;
  readonly tables: Readonly<Record<Table, TableDefinition>>;
  /** The event types it reacts to; other events only move its checkpoint. */
  readonly eventTypes: ReadonlySet<string>;
  /** Prepares statements against one generation's tables and returns the event handler. */
  readonly bind: (db: Database.Database, tables: PhysicalTables<Table>) => ApplyEvent;
}

// The runner holds projections of every read model; their table names matter only inside each.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = ProjectionDefinition<any>;

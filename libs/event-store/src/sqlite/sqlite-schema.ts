import type Database from "better-sqlite3";

/** How long a write waits for another process's (the CLI's) transaction before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/** What a connection that only reads the log (a log reader thread) sets: it waits out a writer's lock as the store does. */
export function applyReaderPragmas(db: Database.Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

/**
 * WAL lets readers run beside the single writer; synchronous=FULL makes every commit
 * reach the disk before it is acknowledged, so an acknowledged append survives power loss.
 */
export function applyPragmas(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Appends look stream heads up in memory; the cache mostly serves reads of recent pages.
  db.pragma("cache_size = -16000");
}

export const EVENT_LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  event_id       TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  recorded_at    TEXT    NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
) STRICT;

CREATE TABLE IF NOT EXISTS idempotency_records (
  key         TEXT    PRIMARY KEY,
  fingerprint TEXT    NOT NULL,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  recorded_at TEXT    NOT NULL,
  response    TEXT    NOT NULL
) STRICT;
`;

/** A log opened for reading only cannot be given its tables: a file without them is not a log. */
export function requireEventLog(db: Database.Database, path: string): void {
  const found = db.prepare(
    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('events', 'idempotency_records')",
  );
  if (found.pluck().get() !== 2) throw new Error(`${path} is not a Mandat event log: it has no table of events`);
}

/**
 * A stored event row: the values of EVENT_COLUMNS, in order, bound by position (better-sqlite3
 * looks named parameters up one by one). `metadata` holds all of the envelope's metadata but `hash`.
 */
export type EventRow = [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  schemaVersion: number,
  recordedAt: string,
  data: string,
  metadata: string,
  hash: string,
];

export const EVENT_COLUMNS = "position, event_id, stream_id, revision, type, schema_version, recorded_at, data, metadata, hash";

/** The log forwards from a position (inclusive), at most a number of rows (-1: no limit): readAll, and the log reader thread. */
export const READ_ALL_SQL = `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`;

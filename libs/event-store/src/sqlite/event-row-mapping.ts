import { canonicalJson } from "../integrity/canonical-json.js";
import type { EventMetadata, RecordedEvent } from "../port/recorded-event.js";
import type { EventRow } from "./sqlite-schema.js";

/** A row as better-sqlite3 returns it in raw mode: the values of EVENT_COLUMNS, in order. */
export type RawEventRow = [
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

/**
 * Raw (array) rows spare better-sqlite3 building an object per row, and the hash is set
 * on the parsed metadata rather than copied into a new one: catch-up reads and rebuilds
 * read every event of the log through here.
 */
export function rawRowToEvent(row: RawEventRow): RecordedEvent {
  const metadata = JSON.parse(row[8]) as EventMetadata & { hash: string };
  metadata.hash = row[9];
  return {
    eventId: row[1],
    type: row[4],
    schemaVersion: row[5],
    streamId: row[2],
    revision: row[3],
    position: row[0],
    recordedAt: row[6],
    data: JSON.parse(row[7]),
    metadata,
  };
}

export function eventToRow(event: RecordedEvent): EventRow {
  const { hash, ...metadata } = event.metadata;
  return {
    position: event.position,
    event_id: event.eventId,
    stream_id: event.streamId,
    revision: event.revision,
    type: event.type,
    schema_version: event.schemaVersion,
    recorded_at: event.recordedAt,
    data: canonicalJson(event.data),
    metadata: canonicalJson(metadata),
    hash,
  };
}

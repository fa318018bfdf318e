import { canonicalJson } from "../integrity/canonical-json.js";
import { withoutHash } from "../integrity/event-hash.js";
import type { ChainedEvent } from "../integrity/hash-chain.js";
import type { EventMetadata, RecordedEvent } from "../port/recorded-event.js";
import type { EventRow } from "./sqlite-schema.js";

/** A row as better-sqlite3 returns it in raw mode: the values of EVENT_COLUMNS, in order, as stored. */
export type RawEventRow = EventRow;

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

/** The row of an event at `position`, from the canonical JSON it is stored as. */
export function eventToRow(position: number, event: ChainedEvent): EventRow {
  const { eventId, streamId, revision, type, schemaVersion, recordedAt, dataJson, metadataJson, hash } = event;
  return [position, eventId, streamId, revision, type, schemaVersion, recordedAt, dataJson, metadataJson, hash];
}

/** An event recorded elsewhere (an import) in the form an append stores. */
export function storedForm(event: RecordedEvent): ChainedEvent {
  const { eventId, type, schemaVersion, streamId, revision, recordedAt } = event;
  return {
    eventId,
    type,
    schemaVersion,
    streamId,
    revision,
    recordedAt,
    hash: event.metadata.hash,
    dataJson: canonicalJson(event.data),
    metadataJson: canonicalJson(withoutHash(event).metadata),
  };
}

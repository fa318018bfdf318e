import { canonicalJson } from "../integrity/canonical-json.js";
import { withoutHash } from "../integrity/event-hash.js";
import type { ChainedEvent } from "../integrity/hash-chain.js";
import type { EventMetadata, RecordedEvent } from "../port/recorded-event.js";
import { lazyMetadata, parseMetadata } from "./lazy-metadata.js";
import type { EventRow } from "./sqlite-schema.js";

/** A row as better-sqlite3 returns it in raw mode: the values of EVENT_COLUMNS, in order, as stored. */
export type RawEventRow = EventRow;

/**
 * A raw row with its data parsed and its metadata still text: what a log reader thread
 * sends (log-reader-thread.ts). Taking an event in from another thread cost its reader about
 * as much as parsing it: an array of values is cheaper to take in than an object of named
 * ones, and metadata, an object of objects, cheaper to parse here than to take in parsed,
 * and cheaper still to parse only when read (threadRowToEvent).
 */
export type DataParsedRow = [...Head<RawEventRow>, data: unknown, metadata: string, hash: string];
type Head<Row extends RawEventRow> = Row extends [...infer Head, string, string, string] ? Head : never;

/**
 * Raw (array) rows spare better-sqlite3 building an object per row: catch-up reads read
 * every event of the log through here.
 */
export const rawRowToEvent = (row: RawEventRow): RecordedEvent => eventOfRow(withDataParsed(row), parseMetadata(row[8], row[9]));

/** The row with its data parsed, in place: the array is read once, and nothing else holds it. */
export function withDataParsed(row: RawEventRow): DataParsedRow {
  const parsed = row as unknown as DataParsedRow;
  parsed[7] = JSON.parse(row[7]);
  return parsed;
}

/** An event from a log reader thread's row: its metadata is parsed when first read (lazyMetadata). */
export const threadRowToEvent = (row: DataParsedRow): RecordedEvent => eventOfRow(row, lazyMetadata(row[8], row[9]));

function eventOfRow(row: DataParsedRow, metadata: EventMetadata): RecordedEvent {
  return {
    eventId: row[1],
    type: row[4],
    schemaVersion: row[5],
    streamId: row[2],
    revision: row[3],
    position: row[0],
    recordedAt: row[6],
    data: row[7],
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

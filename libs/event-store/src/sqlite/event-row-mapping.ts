import { canonicalJson } from "../integrity/canonical-json.js";
import type { EventMetadata, RecordedEvent } from "../port/recorded-event.js";
import type { EventRow } from "./sqlite-schema.js";

export function rowToEvent(row: EventRow): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as Omit<EventMetadata, "hash">;
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    recordedAt: row.recorded_at,
    data: JSON.parse(row.data),
    metadata: { ...metadata, hash: row.hash },
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

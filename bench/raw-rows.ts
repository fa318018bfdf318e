import { uuidV7 } from "#event-store";
import type Database from "better-sqlite3";

const INSERT_RAW_ROW =
  "INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, recorded_at, data, metadata, hash) VALUES (?, ?, ?, 0, 'OrganisationRegistered', 1, ?, ?, ?, ?)";
const ZERO_HASH = "0".repeat(64);
const FILLER_HASH = "f".repeat(64);

/**
 * The raw baseline's write of one event: the engine's row (its time-ordered ids, its JSON,
 * hashes of the right length) by a prepared statement, and nothing of the engine around it.
 */
export function rawRowInserter(
  db: Database.Database,
): (position: number, streamId: string, data: unknown, metadata: object) => void {
  const insert = db.prepare(INSERT_RAW_ROW);
  return (position, streamId, data, metadata) => {
    insert.run(
      position,
      uuidV7(),
      streamId,
      new Date().toISOString(),
      JSON.stringify(data),
      JSON.stringify({ ...metadata, prevHash: ZERO_HASH }),
      FILLER_HASH,
    );
  };
}

import Database from "better-sqlite3";
import { type Throughput, now, throughput } from "./measure.js";

/**
 * Reads every row of a log file and parses its JSON: the floor any catch-up read or
 * rebuild stands on, and the baseline both are compared with. Like the engine, it reads
 * every column in raw (array) mode, so the comparison is with the engine's own way of reading.
 */
export function rawReadAndParse(path: string): Throughput {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare<[], [data: string, metadata: string, ...rest: unknown[]]>(
        "SELECT data, metadata, position, event_id, stream_id, revision, type, schema_version, recorded_at, hash FROM events ORDER BY position",
      )
      .raw(true);
    const started = now();
    let count = 0;
    for (const [data, metadata] of rows.iterate()) {
      JSON.parse(data);
      JSON.parse(metadata);
      count += 1;
    }
    return throughput(count, now() - started);
  } finally {
    db.close();
  }
}

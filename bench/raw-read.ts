import Database from "better-sqlite3";
import { type Throughput, now, throughput } from "./measure.js";

/**
 * Reads every row of a log file and parses its JSON: the floor any catch-up read or
 * rebuild stands on, and the baseline both are compared with.
 */
export function rawReadAndParse(path: string): Throughput {
  const db = new Database(path, { readonly: true });
  try {
    const started = now();
    let count = 0;
    for (const row of db.prepare("SELECT * FROM events ORDER BY position").iterate() as Iterable<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      count += 1;
    }
    return throughput(count, now() - started);
  } finally {
    db.close();
  }
}

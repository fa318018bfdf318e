// SQLite's integrity check of a log file, on a thread of its own (integrity-check-thread.ts):
// it reads every page of the file, and on the event loop it would hold up every request.
import { parentPort, workerData } from "node:worker_threads";
import { openSqliteForReading } from "./open-for-reading.js";

const { path } = workerData as { readonly path: string };
try {
  const db = openSqliteForReading(path);
  try {
    const rows = db.pragma("integrity_check", { simple: false }) as Array<{ integrity_check: string }>;
    parentPort!.postMessage({ found: rows.map((row) => row.integrity_check) });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort!.postMessage({ failure: error instanceof Error ? error.message : String(error) });
}

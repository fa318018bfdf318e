// A log reader thread (see log-reader-thread.ts): reads and parses the batches the store
// asks for over its own read-only connection, ahead of the caller working on the last one.
// Kept free of Effect, which this thread would otherwise load whole for nothing.
import { parentPort, workerData } from "node:worker_threads";
import type Database from "better-sqlite3";
import { openSqliteForReading } from "./open-for-reading.js";
import { type RawEventRow, withDataParsed } from "./event-row-mapping.js";
import type { LogReaderData, LogReaderReply, LogReaderRequest } from "./log-reader-protocol.js";
import { READ_ALL_SQL, applyReaderPragmas } from "./sqlite-schema.js";

const { path, fromPosition, batchSize } = workerData as LogReaderData;
const port = parentPort!;
const reply = (message: LogReaderReply) => port.postMessage(message);

let db: Database.Database | undefined;
let readAll: Database.Statement<[number, number], RawEventRow> | undefined;
let next = fromPosition;

/** Opened on the first request, inside read's try: a log that cannot be opened is a failure to report. */
const statement = () => {
  if (readAll) return readAll;
  db = openSqliteForReading(path);
  applyReaderPragmas(db);
  readAll = db.prepare<[number, number], RawEventRow>(READ_ALL_SQL).raw(true);
  return readAll;
};

/** The next batch, or what the thread says once it has nothing more to send. */
const read = (): LogReaderReply => {
  try {
    const rows = statement().all(next, batchSize);
    if (rows.length === 0) return { end: true };
    next = rows.at(-1)![0] + 1;
    return { rows: rows.map(withDataParsed) };
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error) };
  }
};

port.on("message", (wanted: LogReaderRequest) => {
  for (let sent = 0; sent < wanted; sent++) {
    const message = read();
    reply(message);
    if (!("rows" in message)) {
      // A thread that said so has nothing more to send: it ends, and later requests go nowhere.
      db?.close();
      port.close();
      return;
    }
  }
});

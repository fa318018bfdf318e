// The store's writer thread (see writer-thread.ts): writes the batches it is sent over its
// own connection to the log, and replies to each transaction with the batches' outcomes.
// Kept free of Effect, which this thread would otherwise load whole for nothing.
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { type BatchAppend, BatchWriter } from "./batch-writer.js";
import { applyPragmas } from "./sqlite-schema.js";
import { type WriterReply, type WriterRequest, type WriterThreadData, writerFailure } from "./writer-thread-protocol.js";

/**
 * At most this many appends are taken into one transaction: batches keep arriving under
 * sustained load, and the first must not wait for its commit until they stop.
 */
const MAX_APPENDS_PER_TRANSACTION = 1_024;

const { path, port, replies } = workerData as WriterThreadData;
const counter = new Int32Array(replies);

const reply = (message: WriterReply) => {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
};

/** Gives up: the store answers what it sent as failed, and starts another thread for what it sends next. */
const fatal = (error: unknown) => {
  reply({ fatal: writerFailure(error) });
  port.close();
};

let writer: BatchWriter | undefined;
let db: Database.Database | undefined;
try {
  // The store has created the file and its schema before it starts this thread.
  db = new Database(path, { fileMustExist: true });
  applyPragmas(db);
  writer = new BatchWriter(db);
} catch (error) {
  db?.close();
  fatal(error);
}

if (writer && db) serve(writer, db);

function serve(writer: BatchWriter, db: Database.Database): void {
  port.on("message", (first: WriterRequest) => {
    if ("close" in first) {
      close(db);
      return;
    }
    const firstBatch = first.write;
    let closing = false;
    // The first request is this transaction's, whether or not the writer got as far as taking it.
    let taken = 1;
    let appends = firstBatch.length;
    // Group commit across requests: the batches that arrive while those before them are
    // written join the same transaction.
    function* arriving(): Generator<ReadonlyArray<BatchAppend>> {
      yield firstBatch;
      while (appends < MAX_APPENDS_PER_TRANSACTION) {
        const request = receiveMessageOnPort(port)?.message as WriterRequest | undefined;
        if (!request) return;
        if ("close" in request) {
          closing = true;
          return;
        }
        taken += 1;
        appends += request.write.length;
        yield request.write;
      }
    }
    try {
      // The first request's settledBelow: a batch queued before another names its leaders by
      // numbers that the later request may already count as settled.
      reply({ committed: writer.write(arriving(), first.settledBelow) });
    } catch (error) {
      reply({ failed: writerFailure(error), batches: taken });
    }
    if (closing) close(db);
  });
}

function close(db: Database.Database): void {
  try {
    db.close();
  } catch (error) {
    fatal(error);
    return;
  }
  reply({ closed: true });
  port.close();
}

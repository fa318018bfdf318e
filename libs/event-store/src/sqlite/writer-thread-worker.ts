// The store's writer thread (see writer-thread.ts): writes the batches it is sent over its
// own connection to the log, and replies to each transaction with the batches' outcomes. Kept free of Effect,
// which this thread would otherwise load whole for nothing.
import { receiveMessageOnPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { type BatchAppend, BatchWriter } from "./batch-writer.js";
import { applyPragmas } from "./sqlite-schema.js";
import type { WriterReply, WriterRequest, WriterThreadData } from "./writer-thread-protocol.js";

const { path, port, replies } = workerData as WriterThreadData;
const counter = new Int32Array(replies);

const reply = (message: WriterReply) => {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
};

// The store has created the file and its schema before it starts this thread.
const db = new Database(path, { fileMustExist: true });
applyPragmas(db);
const writer = new BatchWriter(db);

port.on("message", (first: WriterRequest) => {
  let closing = "close" in first;
  let taken = 0;
  // Group commit across requests: the batches that arrive while those before them are
  // written join the same transaction.
  function* arriving(): Generator<ReadonlyArray<BatchAppend>> {
    for (let request: WriterRequest | undefined = first; request; request = receiveMessageOnPort(port)?.message) {
      if ("close" in request) {
        closing = true;
        return;
      }
      taken += 1;
      yield request.write;
    }
  }
  if (!("close" in first)) {
    try {
      reply({ committed: writer.write(arriving(), first.settledBelow) });
    } catch (error) {
      // An Error crosses to the store as an Error (name, message, stack); anything else as its text.
      reply({ failed: error instanceof Error ? error : new Error(String(error)), batches: taken });
    }
  }
  if (closing) {
    db.close();
    reply({ closed: true });
    port.close();
  }
});

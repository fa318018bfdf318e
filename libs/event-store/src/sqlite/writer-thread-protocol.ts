import type { MessagePort } from "node:worker_threads";
import type { AppendOutcome, BatchAppend } from "./batch-writer.js";

/** What the store's writer thread starts with (workerData). */
export interface WriterThreadData {
  readonly path: string;
  /** Requests arrive and replies leave on this port, so that the store can receive a reply synchronously (close). */
  readonly port: MessagePort;
  /** One Int32 the thread counts its replies in: the store blocks on it (Atomics.wait) when it must not return before the reply. */
  readonly replies: SharedArrayBuffer;
}

/** A batch to write (see BatchWriter.write), or the end. */
export type WriterRequest =
  { readonly write: ReadonlyArray<BatchAppend>; readonly settledBelow: number } | { readonly close: true };

/**
 * The reply to each transaction, in order: the outcomes of each batch it wrote, in the
 * order they were sent, or what it threw (an Error crosses as an Error) and how many
 * batches it took down; or to the end.
 */
export type WriterReply =
  | { readonly committed: ReadonlyArray<ReadonlyArray<AppendOutcome>> }
  | { readonly failed: unknown; readonly batches: number }
  | { readonly closed: true };

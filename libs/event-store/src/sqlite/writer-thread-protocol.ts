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
 * Why a transaction failed, as plain data: better-sqlite3's SqliteError is no native
 * Error, and structured clone would keep only its code.
 */
export interface WriterFailure {
  readonly message: string;
  readonly code: string | undefined;
}

/**
 * The thread's replies, in order: to each transaction, the outcomes of each batch it wrote
 * (in the order they were sent), or why it failed and how many batches it took down; to
 * the end, `closed`. `fatal` is the thread giving up (it could not open the log, or close
 * it): sent on the port, so that a store blocked in close hears of it.
 */
export type WriterReply =
  | { readonly committed: ReadonlyArray<ReadonlyArray<AppendOutcome>> }
  | { readonly failed: WriterFailure; readonly batches: number }
  | { readonly closed: true }
  | { readonly fatal: WriterFailure };

export const writerFailure = (error: unknown): WriterFailure => ({
  message: error instanceof Error ? error.message : String(error),
  code: (error as { code?: unknown } | undefined)?.code === undefined ? undefined : String((error as { code: unknown }).code),
});

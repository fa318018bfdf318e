import type { DataParsedRow } from "./event-row-mapping.js";

/** What a log reader thread starts with (Worker's workerData). */
export interface LogReaderData {
  readonly path: string;
  readonly fromPosition: number;
  readonly batchSize: number;
}

/** The store asks for this many more batches. */
export type LogReaderRequest = number;

/** One batch (the caller makes events of its rows), the end of the log, or why the thread cannot read on. */
export type LogReaderReply =
  { readonly rows: ReadonlyArray<DataParsedRow> } | { readonly end: true } | { readonly failure: string };

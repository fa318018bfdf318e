import type { RecordedEvent } from "../port/recorded-event.js";

/** What a log reader thread starts with (Worker's workerData). */
export interface LogReaderData {
  readonly path: string;
  readonly fromPosition: number;
  readonly batchSize: number;
}

/** The store asks for this many more batches. */
export type LogReaderRequest = number;

/** One batch, the end of the log (an empty batch), or why the thread cannot read on. */
export type LogReaderReply =
  { readonly events: ReadonlyArray<RecordedEvent> } | { readonly end: true } | { readonly failure: string };

import { initiativeStream } from "#domain";
import { type EventStoreService, type RecordedEvent, type StoreUnavailable, logBatches } from "#event-store";
import { Stream } from "effect";

/**
 * The export of the log as stored (`mandat export`, GET /api/v1/audit/export): one selection
 * and one encoding, so the CLI and the API give the same bytes for the same selection.
 */
export type ExportFormat = "jsonl" | "csv";
export const EXPORT_FORMATS = ["jsonl", "csv"] as const;

/** Which events: all of them unless narrowed. `from`/`to` are UTC instants bounding the recorded time, inclusive. */
export interface ExportSelection {
  /** One stream's events, e.g. `initiative-<id>`. */
  readonly streamId?: string;
  /** An initiative's events: see `belongsToInitiative`. */
  readonly initiativeId?: string;
  readonly from?: string;
  readonly to?: string;
}

export const EXPORT_CSV_COLUMNS = [
  "position",
  "eventId",
  "streamId",
  "revision",
  "type",
  "schemaVersion",
  "recordedAt",
  "data",
  "metadata",
] as const;

/** The MIME type of each format. */
export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  jsonl: "application/x-ndjson",
  csv: "text/csv; charset=utf-8",
};

/** One piece of an export: its text, and how many events it holds (0 for the CSV header). */
export interface ExportChunk {
  readonly text: string;
  readonly events: number;
}

const BATCH_SIZE = 2_000;

/**
 * The export of `store`'s log, one read batch at a time (nothing holds the whole log): for
 * CSV first its header. A batch is read only once the one before was consumed; each run of
 * the stream selects afresh.
 */
export const exportStream = (
  store: EventStoreService,
  format: ExportFormat,
  selection: ExportSelection = {},
): Stream.Stream<ExportChunk, StoreUnavailable> =>
  Stream.suspend(() => {
    const selected = selector(selection);
    const encode = format === "csv" ? csvLine : jsonLine;
    const events = logBatches(store, { batchSize: BATCH_SIZE }).pipe(
      Stream.map((batch) => batch.filter(selected)),
      Stream.filter((batch) => batch.length > 0),
      Stream.map((batch): ExportChunk => ({ text: batch.map(encode).join(""), events: batch.length })),
    );
    return format === "csv" ? Stream.concat(Stream.make({ text: CSV_HEADER, events: 0 }), events) : events;
  });

/** `mandat-export-<initiative id or "log">-<UTC instant, no colons>.<format>`: a name that sorts by when it was made. */
export const exportFileName = (format: ExportFormat, selection: ExportSelection, at: Date): string =>
  `mandat-export-${selection.initiativeId === undefined ? "log" : `initiative-${selection.initiativeId}`}-${at
    .toISOString()
    .replaceAll(":", "")
    .replace(/\.\d+Z$/, "Z")}.${format}`;

/**
 * An initiative's events are those of its own stream (`initiative-<id>`: registration, goals,
 * indicators, the mandate and its amendments, check-ins, decisions), of the signals submitted
 * about it (`SignalSubmitted.data.initiativeId`) and of the tensions that name it when raised
 * (`TensionRaised.data.initiativeIds`). Meetings, budgets and people belong to the organisation.
 * A stream's first event comes before its others in the log, so one pass finds them.
 */
function selector(selection: ExportSelection): (event: RecordedEvent) => boolean {
  const { streamId, initiativeId, from, to } = selection;
  const streams = new Set(initiativeId === undefined ? [] : [initiativeStream(initiativeId)]);
  return (event) => {
    if (initiativeId !== undefined && belongsToInitiative(event, initiativeId)) streams.add(event.streamId);
    return (
      (streamId === undefined || event.streamId === streamId) &&
      (initiativeId === undefined || streams.has(event.streamId)) &&
      (from === undefined || event.recordedAt >= from) &&
      (to === undefined || event.recordedAt <= to)
    );
  };
}

const belongsToInitiative = (event: RecordedEvent, initiativeId: string): boolean => {
  if (event.revision !== 0) return false;
  const data = event.data as { readonly initiativeId?: unknown; readonly initiativeIds?: unknown } | null;
  if (event.type === "SignalSubmitted") return data?.initiativeId === initiativeId;
  if (event.type === "TensionRaised") return Array.isArray(data?.initiativeIds) && data.initiativeIds.includes(initiativeId);
  return false;
};

const jsonLine = (event: RecordedEvent): string => `${JSON.stringify(event)}\n`;

/**
 * CSV as Swedish Excel opens it: UTF-8 with a byte order mark, `;` between fields (Excel in
 * Swedish takes `,` for the decimal comma), CRLF line ends, a header row, and every field
 * that holds `;`, `"`, CR or LF in double quotes with its quotes doubled (RFC 4180).
 * `data` and `metadata` are their JSON.
 */
const SEPARATOR = ";";
const CSV_HEADER = `\uFEFF${EXPORT_CSV_COLUMNS.join(SEPARATOR)}\r\n`;

const csvLine = (event: RecordedEvent): string =>
  `${EXPORT_CSV_COLUMNS.map((column) => {
    const value = event[column];
    return csvField(typeof value === "object" ? JSON.stringify(value) : String(value));
  }).join(SEPARATOR)}\r\n`;

const csvField = (text: string): string => (/[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

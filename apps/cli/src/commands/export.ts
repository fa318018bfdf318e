import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { once } from "node:events";
import type { RecordedEvent } from "#event-store";
import { parseInstant } from "#platform";
import { openContext } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

export interface ExportOptions {
  readonly format?: string;
  readonly stream?: string;
  readonly from?: string;
  readonly to?: string;
  readonly output?: string;
}

const CSV_COLUMNS = ["position", "eventId", "streamId", "revision", "type", "schemaVersion", "recordedAt", "data", "metadata"] as const;

/**
 * `mandat export --format jsonl|csv [--stream <id>] [--from <date|instant>] [--to ...] [--output <file>]`:
 * the log as stored, with full envelopes (hashes included), so an export imports and
 * verifies elsewhere. --from/--to bound the recorded time, inclusive.
 */
export async function exportLog(options: ExportOptions): Promise<ExitCode> {
  const format = options.format ?? "jsonl";
  if (format !== "jsonl" && format !== "csv") throw new CliError(EXIT.usage, "--format must be jsonl or csv");
  const from = bound(options.from, "--from", "start");
  const to = bound(options.to, "--to", "end");
  const context = await openContext({ mustExist: true });
  const out: Writable = options.output ? createWriteStream(options.output, { flags: "wx" }) : process.stdout;
  if (options.output) await once(out, "open").catch((error: Error) => Promise.reject(new CliError(EXIT.cannotCreate, `Cannot write ${options.output}: ${error.message}`)));
  try {
    if (format === "csv") await write(out, `${CSV_COLUMNS.join(",")}\n`);
    let exported = 0;
    for (let position = 1; ; ) {
      const batch = await context.run(context.raw.readAll({ fromPosition: position, maxCount: 2_000 }));
      const last = batch.at(-1);
      if (!last) break;
      const selected = batch.filter(
        (event) =>
          (options.stream === undefined || event.streamId === options.stream) &&
          (from === undefined || event.recordedAt >= from) &&
          (to === undefined || event.recordedAt <= to),
      );
      if (selected.length > 0) await write(out, selected.map(format === "csv" ? csvLine : jsonLine).join(""));
      exported += selected.length;
      position = last.position + 1;
    }
    if (options.output) console.error(`Exported ${exported} events to ${options.output}`);
    return EXIT.ok;
  } finally {
    if (options.output) {
      out.end();
      await once(out, "close");
    }
    await context.close();
  }
}

function bound(text: string | undefined, flag: string, edge: "start" | "end"): string | undefined {
  if (text === undefined) return undefined;
  const instant = parseInstant(text, edge);
  if (!instant) throw new CliError(EXIT.usage, `${flag} takes a date (YYYY-MM-DD) or an instant with offset, not "${text}"`);
  return instant;
}

const jsonLine = (event: RecordedEvent): string => `${JSON.stringify(event)}\n`;

const csvLine = (event: RecordedEvent): string =>
  `${CSV_COLUMNS.map((column) => {
    const value = event[column];
    return csvField(typeof value === "object" ? JSON.stringify(value) : String(value));
  }).join(",")}\n`;

const csvField = (text: string): string => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

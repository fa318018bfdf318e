import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { type RecordedEvent, logBatches } from "#event-store";
import { exportSeals } from "#platform";
import { Effect, Stream } from "effect";
import { withContext } from "../cli-context.js";
import { instantOption } from "../date-options.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

interface ExportOptions {
  readonly format?: string;
  readonly stream?: string;
  readonly from?: string;
  readonly to?: string;
  readonly output?: string;
  readonly seals?: string;
}

const CSV_COLUMNS = [
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

/**
 * `mandat export --format jsonl|csv [--stream <id>] [--from <date|instant>] [--to ...] [--output <file>]`:
 * the log as stored, with full envelopes (hashes included), so an export imports and
 * verifies elsewhere. --from/--to bound the recorded time, inclusive.
 */
export async function exportLog(options: ExportOptions): Promise<ExitCode> {
  const format = options.format ?? "jsonl";
  if (format !== "jsonl" && format !== "csv") throw new CliError(EXIT.usage, "--format must be jsonl or csv");
  const from = instantOption("--from", options.from, "start");
  const to = instantOption("--to", options.to, "end");
  // Seals cover the whole log: a part of it would fail every seal past its first gap.
  if (options.seals !== undefined && (options.stream !== undefined || from !== undefined || to !== undefined))
    throw new CliError(EXIT.usage, "--seals goes with an export of the whole log: leave out --stream, --from and --to");
  return withContext({ mustExist: true }, async (context) => {
    const out = options.output ? await createOutput(options.output) : process.stdout;
    try {
      if (format === "csv") await write(out, `${CSV_COLUMNS.join(",")}\n`);
      let exported = 0;
      await context.run(
        Stream.runForEach(logBatches(context.raw, { batchSize: 2_000 }), (batch) =>
          Effect.promise(async () => {
            const selected = batch.filter(
              (event) =>
                (options.stream === undefined || event.streamId === options.stream) &&
                (from === undefined || event.recordedAt >= from) &&
                (to === undefined || event.recordedAt <= to),
            );
            if (selected.length > 0) await write(out, selected.map(format === "csv" ? csvLine : jsonLine).join(""));
            exported += selected.length;
          }),
        ),
      );
      if (options.output) console.error(`Exported ${exported} events to ${options.output}`);
      if (options.seals !== undefined) await writeSeals(options.seals, await context.run(exportSeals));
      return EXIT.ok;
    } finally {
      if (out !== process.stdout) {
        out.end();
        await once(out, "close");
      }
    }
  });
}

/** A new file for the export, open before anything is read; an existing file is never overwritten. */
async function createOutput(path: string): Promise<Writable> {
  const out = createWriteStream(path, { flags: "wx" });
  try {
    await once(out, "open");
  } catch (error) {
    throw new CliError(EXIT.cannotCreate, `Cannot write ${path}: ${(error as Error).message}`);
  }
  return out;
}

/** The seals and their public keys beside the export (`mandat import --seals` reads them); never over an existing file. */
async function writeSeals(path: string, bundle: { readonly seals: ReadonlyArray<unknown> }): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(bundle, null, 2)}\n`, { flag: "wx" });
  } catch (error) {
    throw new CliError(EXIT.cannotCreate, `Cannot write ${path}: ${(error as Error).message}`);
  }
  console.error(`Exported ${bundle.seals.length} seals to ${path}`);
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

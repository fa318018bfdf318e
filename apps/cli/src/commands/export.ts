import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { exportSeals, exportStream } from "#platform";
import { Effect, Stream } from "effect";
import { withContext } from "../cli-context.js";
import { instantOption } from "../date-options.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { isUuid } from "../uuid.js";

interface ExportOptions {
  readonly format?: string;
  readonly stream?: string;
  readonly initiative?: string;
  readonly from?: string;
  readonly to?: string;
  readonly output?: string;
  readonly seals?: string;
}

/**
 * `mandat export --format jsonl|csv [--stream <id>] [--initiative <id>] [--from <date|instant>] [--to ...] [--output <file>]`:
 * the log as stored, with full envelopes (hashes included), so an export imports and
 * verifies elsewhere. --from/--to bound the recorded time, inclusive. The selection and the
 * encoding are libs/platform log-export.ts's, which GET /api/v1/audit/export serves too:
 * the same bytes from both.
 */
export async function exportLog(options: ExportOptions): Promise<ExitCode> {
  const format = options.format ?? "jsonl";
  if (format !== "jsonl" && format !== "csv") throw new CliError(EXIT.usage, "--format must be jsonl or csv");
  // A mistyped id would export nothing and say it did so successfully.
  if (options.initiative !== undefined && !isUuid(options.initiative))
    throw new CliError(EXIT.usage, `--initiative takes an initiative's id (a UUID), not ${JSON.stringify(options.initiative)}`);
  const from = instantOption("--from", options.from, "start");
  const to = instantOption("--to", options.to, "end");
  // Seals cover the whole log: a part of it would fail every seal past its first gap.
  const part = options.stream !== undefined || options.initiative !== undefined || from !== undefined || to !== undefined;
  if (options.seals !== undefined && part)
    throw new CliError(
      EXIT.usage,
      "--seals goes with an export of the whole log: leave out --stream, --initiative, --from and --to",
    );
  return withContext("read", async (context) => {
    const out = options.output ? await createOutput(options.output) : process.stdout;
    try {
      let exported = 0;
      const selection = {
        // Stream ids are lower case, and the ids in them are read in either case, as the API reads them.
        ...(options.stream === undefined ? {} : { streamId: options.stream.toLowerCase() }),
        ...(options.initiative === undefined ? {} : { initiativeId: options.initiative.toLowerCase() }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      };
      await context.run(
        Stream.runForEach(exportStream(context.raw, format, selection), (chunk) =>
          Effect.promise(async () => {
            await write(out, chunk.text);
            exported += chunk.events;
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

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

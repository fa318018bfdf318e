import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { type RecordedEvent, verifyStore } from "#event-store";
import { z } from "zod";
import { openContext } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { ProgressBar } from "../progress-bar.js";

/** One line of a JSONL export: a full envelope, hashes included. */
const Envelope = z.object({
  eventId: z.string().min(1),
  type: z.string().min(1),
  schemaVersion: z.number().int().min(1),
  streamId: z.string().min(1),
  revision: z.number().int().min(0),
  position: z.number().int().min(1),
  recordedAt: z.iso.datetime(),
  data: z.unknown(),
  metadata: z.looseObject({
    actor: z.object({ id: z.string(), roles: z.array(z.string()) }),
    commandId: z.string(),
    correlationId: z.string(),
    causationId: z.string(),
    idempotencyKey: z.string().optional(),
    hash: z.string().length(64),
    prevHash: z.string().length(64),
  }),
});

const BATCH = 1_000;

/**
 * `mandat import <file>`: loads a JSONL export into an EMPTY store, keeping ids, order,
 * recordedAt and hashes, then verifies the result. Person keys are not in an export:
 * copy the key store beside it, or the names stay unreadable (as after an erasure).
 */
export async function importLog(file: string | undefined): Promise<ExitCode> {
  if (!file) throw new CliError(EXIT.usage, "mandat import <file>: name the JSONL export to load");
  await access(file).catch(() => {
    throw new CliError(EXIT.noInput, `Cannot read ${file}`);
  });
  const context = await openContext({ mustExist: false });
  try {
    const head = await context.run(context.raw.headPosition);
    if (head > 0) throw new CliError(EXIT.cannotCreate, `The target log already holds ${head} events; import only into an empty store`);
    let batch: RecordedEvent[] = [];
    let imported = 0;
    let line = 0;
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
    const flush = async () => {
      if (batch.length === 0) return;
      await context.run(context.raw.importRecorded(batch)).catch((error: { _tag?: string; message?: string }) => {
        throw error._tag === "ImportRejected" ? new CliError(EXIT.dataError, `${file}: ${error.message}`) : error;
      });
      imported += batch.length;
      batch = [];
    };
    try {
      for await (const text of lines) {
        line += 1;
        if (text.trim() === "") continue;
        batch.push(parseLine(file, line, text));
        if (batch.length === BATCH) {
          await flush();
          if (imported % 50_000 === 0) console.error(`import: ${imported} events`);
        }
      }
    } catch (error) {
      // Only a failing read of the file itself (a directory, a vanished file) is about the file.
      if (!(error as { code?: string }).code) throw error;
      throw new CliError(EXIT.noInput, `Cannot read ${file}: ${(error as Error).message}`);
    }
    await flush();
    const progress = new ProgressBar("verify");
    const report = await context.run(
      verifyStore(context.raw, { onProgress: ({ position, headPosition }) => progress.update(position, headPosition) }),
    );
    if (!report.ok) {
      progress.done("broken");
      console.error(`Imported ${imported} events, but the log does not verify at position ${report.brokenAt!.position} (${report.brokenAt!.reason})`);
      return EXIT.logBroken;
    }
    progress.done(`imported and verified ${imported} events`);
    return EXIT.ok;
  } finally {
    await context.close();
  }
}

function parseLine(file: string, line: number, text: string): RecordedEvent {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CliError(EXIT.dataError, `${file}:${line}: not JSON`);
  }
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(EXIT.dataError, `${file}:${line}: not an event envelope (${issue.path.join(".") || "line"}: ${issue.message})`);
  }
  return parsed.data;
}

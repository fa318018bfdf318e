import { createReadStream } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { type RecordedEvent, importAndVerify, requireEmpty } from "#event-store";
import { SealBundle, importSeals, verifyLogAndSeals } from "#platform";
import { Chunk, Effect, Stream } from "effect";
import { z } from "zod";
import { withContext } from "../cli-context.js";
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
export async function importLog(file: string | undefined, options: { readonly seals?: string } = {}): Promise<ExitCode> {
  if (!file) throw new CliError(EXIT.usage, "mandat import <file>: name the JSONL export to load");
  await access(file).catch(() => {
    throw new CliError(EXIT.noInput, `Cannot read ${file}`);
  });
  const seals = options.seals === undefined ? undefined : await readSeals(options.seals);
  return withContext("create", async (context) => {
    const progress = new ProgressBar("verify");
    const report = await context.run(
      Effect.gen(function* () {
        yield* requireEmpty(context.raw).pipe(
          Effect.catchTag("ImportRejected", (error) => Effect.fail(new CliError(EXIT.cannotCreate, error.message))),
        );
        return yield* importAndVerify(context.raw, context.admin, eventBatches(file), {
          onProgress: ({ copied }) => {
            if (copied % 50_000 === 0) console.error(`import: ${copied} events`);
          },
          onVerifyProgress: progress.onProgress,
        }).pipe(
          Effect.catchTag("ImportRejected", (error) => Effect.fail(new CliError(EXIT.dataError, `${file}: ${error.message}`))),
        );
      }),
    );
    if (!report.verification.ok) {
      const { position, reason } = report.verification.brokenAt!;
      progress.done("broken");
      console.error(`Imported ${report.copied} events, but the log does not verify at position ${position} (${reason})`);
      return EXIT.logBroken;
    }
    progress.done(`imported and verified ${report.copied} events`);
    if (seals === undefined) return EXIT.ok;
    // The seals made of the exported log must hold against the copy: the same events in the same order.
    await context.run(importSeals(seals));
    const sealed = await context.run(verifyLogAndSeals());
    for (const { seal, problem, detail } of sealed.seals?.failures ?? [])
      console.error(`Seal of ${seal.eventCount} events: ${problem}: ${detail}`);
    console.error(`Imported ${seals.seals.length} seals; ${sealed.ok ? "every one holds" : "not every one holds"}`);
    return sealed.ok ? EXIT.ok : EXIT.logBroken;
  });
}

/**
 * The seals and keys `mandat export --seals` wrote (one JSON document), or an archival
 * package's (its `seals.jsonl`, one seal a line, with `seal-keys.jwks.json` beside it), as
 * the package's own description tells an archivist to check them.
 */
async function readSeals(path: string): Promise<SealBundle> {
  const read = (file: string) =>
    readFile(file, "utf8").catch(() => {
      throw new CliError(EXIT.noInput, `Cannot read ${file}`);
    });
  const text = await read(path);
  let json: unknown;
  try {
    json = path.endsWith(".jsonl") ? await packageSeals(text, join(dirname(path), PACKAGE_KEYS), read) : JSON.parse(text);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(EXIT.dataError, `${path}: not JSON`);
  }
  const parsed = SealBundle.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(
      EXIT.dataError,
      `${path}: not the seals of an export (${issue.path.join(".") || "file"}: ${issue.message})`,
    );
  }
  return parsed.data;
}

/** The public keys an archival package keeps beside its seals.jsonl. */
const PACKAGE_KEYS = "seal-keys.jwks.json";

/** An archival package's seals, a line each, and the JWKS beside them, as one bundle. */
async function packageSeals(text: string, keysPath: string, read: (file: string) => Promise<string>) {
  const seals = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);
  const jwks = JSON.parse(await read(keysPath)) as { keys?: unknown };
  return { keys: jwks.keys, seals };
}

/** The export's events, BATCH at a time, read as they are imported. */
const eventBatches = (file: string): Stream.Stream<ReadonlyArray<RecordedEvent>, CliError> =>
  Stream.suspend(() =>
    Stream.fromAsyncIterable(
      createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY }),
      (error) => new CliError(EXIT.noInput, `Cannot read ${file}: ${(error as Error).message}`),
    ),
  ).pipe(
    Stream.zipWithIndex,
    Stream.filter(([text]) => text.trim() !== ""),
    Stream.mapEffect(([text, index]) =>
      Effect.try({ try: () => parseLine(file, index + 1, text), catch: (error) => error as CliError }),
    ),
    Stream.grouped(BATCH),
    Stream.map(Chunk.toReadonlyArray),
  );

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
    throw new CliError(
      EXIT.dataError,
      `${file}:${line}: not an event envelope (${issue.path.join(".") || "line"}: ${issue.message})`,
    );
  }
  return parsed.data;
}

import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReadModels, archivalPackage, archiveContents, writePackageFolder, writePackageTar } from "#platform";
import { decisionLogProjection, mandateHistoryProjection, signalInboxProjection } from "#projections";
import { Effect } from "effect";
import { withReadModels } from "../cli-context.js";
import { dateOption } from "../date-options.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { ProgressBar } from "../progress-bar.js";

/** The minutes, the mandate histories and the signals their clauses cite: what the renderings read. */
const READ_MODELS = [decisionLogProjection, mandateHistoryProjection, signalInboxProjection].map((projection) => projection.name);

interface ArchiveOptions {
  readonly output?: string;
  readonly from?: string;
  readonly to?: string;
}

/**
 * `mandat archive --output <folder|file.tar> [--from <date>] [--to <date>]`: an E-ARK SIP
 * of the whole log (docs/records-and-retention.md): the log as JSON lines with its seals
 * and public keys, each meeting's minutes (held within --from/--to, when given) and each
 * mandate history as HTML, PREMIS and METS over all of it. The log is always whole, so
 * the package verifies on its own; a period narrows the minutes rendered. A folder holds
 * the package's root folder, named by the package id, as the tar does.
 */
export async function archive(options: ArchiveOptions): Promise<ExitCode> {
  const output = options.output;
  if (!output) throw new CliError(EXIT.usage, "mandat archive --output <folder|file.tar>: name where the package goes");
  if (existsSync(output)) throw new CliError(EXIT.cannotCreate, `${output} exists: name a new folder or .tar file`);
  const from = dateOption("--from", options.from);
  const to = dateOption("--to", options.to);
  const objectId = `mandat-sip-${randomUUID()}`;
  const work = await mkdtemp(join(tmpdir(), "mandat-archive-"));
  try {
    return await withReadModels(async (context) => {
      const { runner, db } = await context.run(ReadModels);
      const head = await context.run(context.raw.headPosition);
      if (!(await Effect.runPromise(runner.waitFor(head, 600_000, READ_MODELS))))
        throw new CliError(EXIT.dataError, "The minutes or mandate read models did not reach the log's head: run mandat rebuild");
      // Caught up: nothing more is applied while the renderings are read.
      await Effect.runPromise(runner.stop());
      const progress = new ProgressBar("archive");
      const contents = await context.run(
        archiveContents({
          objectId,
          created: new Date().toISOString(),
          logFile: join(work, "events.jsonl"),
          readModels: db,
          onProgress: progress.onProgress,
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
        }),
      );
      const files = archivalPackage(contents);
      if (output.endsWith(".tar")) await writePackageTar(output, objectId, files);
      else await writePackageFolder(join(output, objectId), files);
      progress.done(
        `${contents.eventCount} events, ${contents.minutes.length} minutes, ${contents.mandates.length} mandate histories, ${contents.seals.length} seals in ${output}`,
      );
      if (contents.verification.ok) return EXIT.ok;
      console.error("The log does not verify: the package says so in its PREMIS file (fixity check: failure); run mandat verify");
      return EXIT.logBroken;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

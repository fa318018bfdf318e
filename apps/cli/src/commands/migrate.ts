import { existsSync } from "node:fs";
import { copyLog } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { Effect } from "effect";
import { cliConfig, runEffect } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { ProgressBar } from "../progress-bar.js";

/**
 * `mandat migrate --to eventstoredb`: copies the embedded log (MANDAT_SQLITE_PATH) into an
 * empty EventStoreDB (EVENTSTORE_CONNECTION_STRING), keeping order, ids, recordedAt and
 * hashes, then verifies the copy. The SQLite log is only read.
 */
export async function migrate(options: { to?: string }): Promise<ExitCode> {
  if (options.to !== "eventstoredb")
    throw new CliError(EXIT.usage, "mandat migrate --to eventstoredb: the only target is EventStoreDB");
  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
  if (!connectionString)
    throw new CliError(EXIT.config, "Set EVENTSTORE_CONNECTION_STRING to the target, e.g. esdb://localhost:2113?tls=false");
  const source = cliConfig().embeddedLogPath;
  if (!existsSync(source)) throw new CliError(EXIT.noInput, `No embedded log at ${source} to migrate (MANDAT_SQLITE_PATH)`);
  const { EventStoreDbEventStore } = await import("#event-store/eventstoredb");
  const progress = new ProgressBar("migrate");
  const report = await runEffect(
    Effect.scoped(
      Effect.gen(function* () {
        const from = yield* SqliteEventStore.acquire({ path: source, fileMustExist: true });
        const to = yield* EventStoreDbEventStore.acquire(connectionString);
        return yield* copyLog(from, to, to, { onProgress: progress.onProgress });
      }),
    ).pipe(Effect.catchTag("ImportRejected", (error) => Effect.fail(new CliError(EXIT.cannotCreate, error.message)))),
  );
  if (!report.verification.ok) {
    progress.done("copied, but the copy does not verify");
    console.error(`Copied ${report.copied} events; the copy breaks at ${JSON.stringify(report.verification.brokenAt)}`);
    return EXIT.logBroken;
  }
  progress.done(`copied and verified ${report.copied} events`);
  return EXIT.ok;
}

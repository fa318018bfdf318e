import { type LogVerificationReport, verifyLogAndSeals } from "#platform";
import { withContext } from "../cli-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { ProgressBar } from "../progress-bar.js";

/**
 * `mandat verify [--json]`: every hash chain of the log as stored, every seal against it,
 * and the database file itself; 0 when all hold, 1 naming what does not. `--json` prints the report with the latest
 * seal, for an auditor to keep outside the system.
 */
export async function verify(options: { readonly json?: boolean }): Promise<ExitCode> {
  return withContext("read", async (context) => {
    const progress = new ProgressBar("verify");
    const report = await context.run(verifyLogAndSeals({ onProgress: progress.onProgress }));
    progress.done(
      report.brokenAt ? `broken after ${report.checkedEvents} events` : `${report.checkedEvents} events, every hash chain whole`,
    );
    if (options.json) console.log(JSON.stringify(asJson(report), null, 2));
    else describe(report);
    return report.ok ? EXIT.ok : EXIT.logBroken;
  });
}

/** The report as printed with --json: the latest seal named on its own. */
const asJson = ({ seals, ...chains }: LogVerificationReport) => ({
  ...chains,
  seals: { checked: seals?.checked ?? 0, failures: seals?.failures ?? [] },
  latestSeal: seals?.latest ?? null,
});

function describe(report: LogVerificationReport): void {
  if (report.storageProblems.length > 0) {
    console.error(
      `The database file is damaged (SQLite's integrity check): ${report.storageProblems.slice(0, 5).join("; ")}${
        report.storageProblems.length > 5 ? `; and ${report.storageProblems.length - 5} more` : ""
      }. Restore it from a backup that verifies.`,
    );
  }
  const broken = report.brokenAt;
  if (broken)
    console.error(
      `The log is broken at position ${broken.position}: event ${broken.eventId} (${broken.streamId} revision ${broken.revision}), ${broken.reason}`,
    );
  const seals = report.seals;
  if (!seals || seals.checked === 0) {
    console.error("No seals to check (mandat seal makes one).");
    return;
  }
  for (const { seal, problem, detail } of seals.failures)
    console.error(`Seal of ${seal.eventCount} events: ${problem}: ${detail}`);
  const held = seals.checked - seals.failures.length;
  console.error(`${held} of ${seals.checked} seals hold.`);
  if (seals.latest)
    console.error(
      `Latest seal: ${seals.latest.eventCount} events up to position ${seals.latest.position}, digest ${seals.latest.digest}, made ${seals.latest.sealedAt} with key ${seals.latest.keyId}.`,
    );
}

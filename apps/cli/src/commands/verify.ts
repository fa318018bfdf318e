import { verifyStore } from "#event-store";
import { withContext } from "../cli-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { ProgressBar } from "../progress-bar.js";

/** `mandat verify`: every hash chain of the log as stored; 0 when whole, 1 naming the first broken event. */
export async function verify(): Promise<ExitCode> {
  return withContext({ mustExist: true }, async (context) => {
    const progress = new ProgressBar("verify");
    const report = await context.run(
      verifyStore(context.raw, { densePositions: context.admin.densePositions, onProgress: progress.onProgress }),
    );
    if (report.ok) {
      progress.done(`${report.checkedEvents} events, every hash chain whole`);
      return EXIT.ok;
    }
    const broken = report.brokenAt!;
    progress.done(`broken after ${report.checkedEvents} events`);
    console.error(
      `The log is broken at position ${broken.position}: event ${broken.eventId} (${broken.streamId} revision ${broken.revision}), ${broken.reason}`,
    );
    return EXIT.logBroken;
  });
}

import { acquireReadModelDatabase, allProjections, rebuildProjections } from "#projections";
import { Effect } from "effect";
import { withContext } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";
import { ProgressBar } from "../progress-bar.js";

/**
 * `mandat rebuild [projection]`: rebuilds read models beside the ones in service and swaps
 * them in whole, so it is safe while the server runs (the server picks the new tables up).
 */
export async function rebuild(name: string | undefined): Promise<ExitCode> {
  const projections = name === undefined ? allProjections : allProjections.filter((p) => p.name === name);
  if (projections.length === 0) {
    throw new CliError(EXIT.usage, `No read model "${name}"; there are: ${allProjections.map((p) => p.name).join(", ")}`);
  }
  return withContext("write", async (context) => {
    const progress = new ProgressBar("rebuild");
    // The read-model database is opened for the rebuild alone and closed however it ends.
    const rebuilt = Effect.scoped(
      Effect.flatMap(acquireReadModelDatabase(context.config.readModelsPath), (db) =>
        rebuildProjections(db, context.store, projections, { onProgress: progress.onProgress }),
      ),
    );
    const checkpoints = await context.run(rebuilt);
    progress.done(`${checkpoints.map((c) => c.name).join(", ")} rebuilt up to position ${checkpoints[0]?.position ?? 0}`);
    return EXIT.ok;
  });
}

import { LogSealer } from "#event-store";
import { Effect } from "effect";
import { withContext } from "../cli-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

/**
 * `mandat seal`: seals the log as committed now (safe beside a running server: it only
 * reads the log) and prints the seal as JSON on stdout, to keep wherever an auditor keeps
 * records. The first seal creates the signing key (MANDAT_SEAL_KEYS_PATH).
 */
export async function seal(): Promise<ExitCode> {
  return withContext("write", async (context) => {
    const made = await context.run(Effect.flatMap(LogSealer, (sealer) => sealer.seal));
    console.log(JSON.stringify(made, null, 2));
    console.error(`Sealed ${made.eventCount} events up to position ${made.position} with key ${made.keyId}`);
    return EXIT.ok;
  });
}

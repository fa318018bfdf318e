import { SealKeyRing, SealStore } from "#event-store";
import { Effect } from "effect";
import { withContext } from "../cli-context.js";
import { EXIT, type ExitCode } from "../exit-codes.js";

/**
 * `mandat seal-keys [--rotate]`: prints the public keys of every seal key, current and
 * retired, as a JWKS (the server serves the same at /.well-known/mandat-seal-keys.json).
 * `--rotate` first makes a new key that signs from now on; the older ones stay, so the
 * seals they signed still verify.
 */
export async function sealKeys(options: { readonly rotate?: boolean }): Promise<ExitCode> {
  return withContext("create", async (context) => {
    const keys = await context.run(
      Effect.gen(function* () {
        const store = yield* SealStore;
        if (options.rotate) {
          const created = yield* Effect.flatMap(SealKeyRing, (ring) => ring.rotate);
          yield* store.addPublicKey(created);
          yield* Effect.sync(() => console.error(`New seal key ${created.kid}: it signs every seal from now on`));
        }
        return yield* store.publicKeys;
      }),
    );
    console.log(JSON.stringify(keys, null, 2));
    return EXIT.ok;
  });
}

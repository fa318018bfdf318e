import { SealStore, type StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { z } from "zod";

/**
 * The seals of a log and the public keys that check them, as one JSON document: what
 * `mandat export --seals` writes and `mandat import --seals` reads, so a log copied by
 * export and import keeps its seals (they count events in log order, not positions).
 */
export const SealBundle = z.strictObject({
  keys: z.array(
    z.strictObject({
      kty: z.literal("OKP"),
      crv: z.literal("Ed25519"),
      x: z.string().min(1),
      kid: z.string().min(1),
      alg: z.literal("EdDSA"),
      use: z.literal("sig"),
    }),
  ),
  seals: z.array(
    z.strictObject({
      position: z.number().int().min(0),
      eventCount: z.number().int().min(0),
      digest: z.string().regex(/^[0-9a-f]{64}$/),
      sealedAt: z.iso.datetime(),
      keyId: z.string().min(1),
      signature: z.string().min(1),
    }),
  ),
});
export type SealBundle = z.infer<typeof SealBundle>;

export const exportSeals: Effect.Effect<SealBundle, StoreUnavailable, SealStore> = Effect.flatMap(SealStore, (store) =>
  Effect.map(Effect.all([store.publicKeys, store.all]), ([{ keys }, seals]) => ({ keys: [...keys], seals: [...seals] })),
);

/** Adds the bundle's keys and seals to the seal store; `mandat verify` then checks them against the log. */
export const importSeals = (bundle: SealBundle): Effect.Effect<void, StoreUnavailable, SealStore> =>
  Effect.flatMap(SealStore, (store) =>
    Effect.zipRight(Effect.forEach(bundle.keys, store.addPublicKey), Effect.forEach(bundle.seals, store.add)),
  );

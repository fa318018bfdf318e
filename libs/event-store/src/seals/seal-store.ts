import { Context, type Effect } from "effect";
import type { StoreUnavailable } from "../port/errors.js";
import type { Seal } from "./seal.js";
import type { SealKeySet, SealPublicJwk, SealSigningKey } from "./seal-keys.js";

/**
 * Where seals and the public keys that check them are kept: outside the log they seal
 * (a seal kept in the log would be cut off with it), and apart from the private keys, so
 * a verifier needs nothing secret.
 */
export interface SealStoreService {
  readonly add: (seal: Seal) => Effect.Effect<void, StoreUnavailable>;
  /** Every seal, by the number of events it covers. */
  readonly all: Effect.Effect<ReadonlyArray<Seal>, StoreUnavailable>;
  /** The seal covering the most events (the latest made at that count). */
  readonly latest: Effect.Effect<Seal | undefined, StoreUnavailable>;
  readonly publicKeys: Effect.Effect<SealKeySet, StoreUnavailable>;
  /** Publishes a key's public half; publishing a known key again changes nothing. */
  readonly addPublicKey: (jwk: SealPublicJwk) => Effect.Effect<void, StoreUnavailable>;
  /** Changes whenever a seal or key is added: part of what a cached verification is keyed by. */
  readonly version: Effect.Effect<string, StoreUnavailable>;
}

export class SealStore extends Context.Tag("@mandat/SealStore")<SealStore, SealStoreService>() {}

/** The private keys that sign seals. Only the processes that seal open them. */
export interface SealKeyRingService {
  /** The newest key, created when there is none, with its public half for the caller to publish. */
  readonly current: Effect.Effect<{ readonly key: SealSigningKey; readonly publicJwk: SealPublicJwk }, StoreUnavailable>;
  /** A new key that signs from now on; older keys stay, so their seals still verify. */
  readonly rotate: Effect.Effect<SealPublicJwk, StoreUnavailable>;
}

export class SealKeyRing extends Context.Tag("@mandat/SealKeyRing")<SealKeyRing, SealKeyRingService>() {}

import { createHash } from "node:crypto";
import { canonicalJson } from "../integrity/canonical-json.js";

/**
 * A signed statement over the whole log up to a point: the first `eventCount` events in
 * log order, whose hashes chain into `digest`. `position` names the last of them in the
 * engine that made the seal; another engine numbers the same events otherwise, so a seal
 * is checked by count and digest, which a copy between engines keeps.
 */
export interface Seal {
  readonly position: number;
  readonly eventCount: number;
  /** SHA-256 (hex) chained over the event hashes in log order (logDigest). */
  readonly digest: string;
  /** ISO-8601 UTC instant the seal was made. */
  readonly sealedAt: string;
  /** The signing key, as named in the seal keys' JWKS (its RFC 7638 thumbprint). */
  readonly keyId: string;
  /** Ed25519 over sealSigningInput(seal), base64url. */
  readonly signature: string;
}

export type SealClaim = Omit<Seal, "signature">;

/** The digest of an empty log: where the chain of event hashes starts. */
export const EMPTY_LOG_DIGEST = "0".repeat(64);

/**
 * The digest after one more event: SHA-256 over the digest so far and the event's hash
 * (both hex, concatenated). The chain covers every event of every stream in log order, so
 * removing, reordering or rewriting any of them changes every digest after it.
 */
export const nextLogDigest = (digest: string, eventHash: string): string =>
  createHash("sha256").update(digest).update(eventHash).digest("hex");

/**
 * The bytes a seal's signature covers: the canonical JSON (keys sorted, no whitespace) of
 * its five other fields, so any tool that can sort keys can check it with the public key.
 */
export const sealSigningInput = (claim: SealClaim): Buffer =>
  Buffer.from(
    canonicalJson({
      position: claim.position,
      eventCount: claim.eventCount,
      digest: claim.digest,
      sealedAt: claim.sealedAt,
      keyId: claim.keyId,
    }),
    "utf8",
  );

import { type KeyObject, createHash, createPublicKey, sign, verify } from "node:crypto";
import { type Seal, type SealClaim, sealSigningInput } from "./seal.js";

/** An Ed25519 public key as a JWK (RFC 8037), named by its `kid`. */
export interface SealPublicJwk {
  readonly kty: "OKP";
  readonly crv: "Ed25519";
  readonly x: string;
  readonly kid: string;
  readonly alg: "EdDSA";
  readonly use: "sig";
}

/** The public keys of every seal key, current and retired: what `mandat seal-keys` prints and the well-known URL serves. */
export interface SealKeySet {
  readonly keys: ReadonlyArray<SealPublicJwk>;
}

/** A private key that signs seals, with the id its seals name. */
export interface SealSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** The RFC 7638 thumbprint of an Ed25519 public key: its id, derived from the key alone. */
export const sealKeyId = (publicKey: KeyObject): string => {
  const { crv, x } = publicKey.export({ format: "jwk" });
  return createHash("sha256")
    .update(JSON.stringify({ crv, kty: "OKP", x }))
    .digest("base64url");
};

export const publicJwk = (publicKey: KeyObject): SealPublicJwk => {
  const { x } = publicKey.export({ format: "jwk" });
  return { kty: "OKP", crv: "Ed25519", x: x!, kid: sealKeyId(publicKey), alg: "EdDSA", use: "sig" };
};

export const signSeal = (claim: Omit<SealClaim, "keyId">, key: SealSigningKey): Seal => {
  const named: SealClaim = { ...claim, keyId: key.keyId };
  return { ...named, signature: sign(null, sealSigningInput(named), key.privateKey).toString("base64url") };
};

export type SignatureCheck = "valid" | "bad-signature" | "unknown-key";

/** Checks a seal's signature with the public key its keyId names, and nothing else. */
export function checkSealSignature(seal: Seal, keys: SealKeySet): SignatureCheck {
  const jwk = keys.keys.find((key) => key.kid === seal.keyId);
  if (!jwk) return "unknown-key";
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });
  } catch {
    return "unknown-key";
  }
  // A key whose thumbprint is not its kid is not the key the seal names.
  if (sealKeyId(publicKey) !== seal.keyId) return "unknown-key";
  try {
    return verify(null, sealSigningInput(seal), publicKey, Buffer.from(seal.signature, "base64url")) ? "valid" : "bad-signature";
  } catch {
    return "bad-signature";
  }
}

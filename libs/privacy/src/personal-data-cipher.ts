import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SealedText } from "#domain";

/**
 * AES-256-GCM with a fresh 96-bit IV per value. The person id is the associated data, so
 * a ciphertext copied onto another person's event does not decrypt.
 */
export function seal(key: Buffer, personId: string, plaintext: string): SealedText {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(personId));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return {
    alg: "A256GCM",
    iv: iv.toString("base64"),
    tag: cipher.getAuthTag().toString("base64"),
    ciphertext: ciphertext.toString("base64"),
  };
}

/** The plaintext, or undefined when the key or the associated person does not match. */
export function open(key: Buffer, personId: string, sealed: SealedText): string | undefined {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
    decipher.setAAD(Buffer.from(personId));
    decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

export const newPersonKey = (): Buffer => randomBytes(32);

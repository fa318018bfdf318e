import { CompactEncrypt, compactDecrypt } from "jose";

/**
 * A value only this server can read or make: JSON encrypted and authenticated with the
 * server's key (JWE, `dir` with A256GCM). What the web session's cookies carry.
 */
export function seal(value: unknown, key: Uint8Array): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(value)))
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .encrypt(key);
}

/** The object sealed in `sealed`, or undefined when it does not open with the key or holds no object. */
export async function unseal(sealed: string, key: Uint8Array): Promise<Readonly<Record<string, unknown>> | undefined> {
  try {
    const { plaintext } = await compactDecrypt(sealed, key);
    const value: unknown = JSON.parse(new TextDecoder().decode(plaintext));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

import { createHash } from "node:crypto";

/** One file of the archival package, its fixity known before it is written. */
export interface PackageFile {
  /** Relative to the package root, with forward slashes. */
  readonly path: string;
  readonly mimeType: string;
  readonly size: number;
  /** SHA-256, hex. */
  readonly sha256: string;
  readonly created: string;
  /** The bytes, or the file that holds them (the log, which may be large). */
  readonly content: Buffer | { readonly file: string };
}

export const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/** A file held in memory, its size and checksum taken from the bytes. */
export const fileOf = (path: string, mimeType: string, text: string | Buffer, created: string): PackageFile => {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  return { path, mimeType, size: bytes.length, sha256: sha256(bytes), created, content: bytes };
};

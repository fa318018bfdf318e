import { createHash } from "node:crypto";
import type { LoginRef } from "#domain";

/**
 * The issuer of the server's own (HS256) tokens. A development login has the person's id as
 * its subject, so that a token can be signed for any person who has one.
 */
export const DEVELOPMENT_ISSUER = "mandat";

/**
 * A login as the log keeps it: the issuer, and a SHA-256 digest of the subject. The log must
 * recognise a login, never show it; a subject is an identifier of a person that would
 * outlive the erasure of their key.
 */
export const loginRef = (issuer: string, subject: string): LoginRef => ({
  issuer,
  subjectDigest: createHash("sha256").update(subject, "utf8").digest("hex"),
});

import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import { FocusArea, OrganisationId, isoDate } from "../shared/schema-primitives.js";

/**
 * Personal data as stored: AES-256-GCM ciphertext under the person's own key, base64.
 * Only PersonRegistered holds any; every other event refers to a PersonId.
 */
export const SealedText = z.strictObject({
  alg: z.literal("A256GCM"),
  iv: z.base64().max(64),
  tag: z.base64().max(64),
  ciphertext: z.base64().max(4_000),
});
export type SealedText = z.infer<typeof SealedText>;

/**
 * A login as the identity provider names it: its issuer (`iss`) and a digest of its subject
 * (`sub`). Only the digest is kept: the log needs to recognise a login, never to show it, and
 * a subject outlives an erasure of the person's key.
 */
export const LoginRef = z.strictObject({
  issuer: z.string().min(1).max(500),
  subjectDigest: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 digest in lowercase hex"),
});
export type LoginRef = z.infer<typeof LoginRef>;

/** How a login came to be linked: by an admin, or by the person's first sign-in with a verified e-mail. */
export const LoginLinkedBy = z.enum(["admin", "verified-email"]);
export type LoginLinkedBy = z.infer<typeof LoginLinkedBy>;

export const personEvents = {
  PersonRegistered: {
    schemaVersion: 1,
    schema: z.strictObject({ organisationId: OrganisationId, name: SealedText, email: SealedText.optional() }),
  },
  CoreTeamMembershipStarted: { schemaVersion: 1, schema: z.strictObject({ focusArea: FocusArea, on: isoDate }) },
  CoreTeamMembershipEnded: { schemaVersion: 1, schema: z.strictObject({ focusArea: FocusArea, on: isoDate }) },
  PersonErased: { schemaVersion: 1, schema: z.strictObject({ on: isoDate }) },
  PersonLoginLinked: { schemaVersion: 1, schema: LoginRef.extend({ linkedBy: LoginLinkedBy }) },
  PersonLoginUnlinked: { schemaVersion: 1, schema: LoginRef },
} as const;

export type PersonEvent = EventsOf<typeof personEvents>;
export type PersonEventOf<Type extends PersonEvent["type"]> = Extract<PersonEvent, { type: Type }>;

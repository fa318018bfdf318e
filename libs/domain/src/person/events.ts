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

export const personEvents = {
  PersonRegistered: {
    schemaVersion: 1,
    schema: z.strictObject({ organisationId: OrganisationId, name: SealedText, email: SealedText.optional() }),
  },
  CoreTeamMembershipStarted: { schemaVersion: 1, schema: z.strictObject({ focusArea: FocusArea, on: isoDate }) },
  CoreTeamMembershipEnded: { schemaVersion: 1, schema: z.strictObject({ focusArea: FocusArea, on: isoDate }) },
  PersonErased: { schemaVersion: 1, schema: z.strictObject({ on: isoDate }) },
} as const;

export type PersonEvent = EventsOf<typeof personEvents>;
export type PersonEventOf<Type extends PersonEvent["type"]> = Extract<PersonEvent, { type: Type }>;

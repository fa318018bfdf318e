import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import {
  CheckInId,
  ContextId,
  InitiativeId,
  MeetingId,
  OrganisationId,
  SignalId,
  TEXT_LIMITS,
  isoDate,
  longText,
  rating,
} from "../shared/schema-primitives.js";

export const TensionCategory = z.enum([
  "line-vs-collaboration",
  "between-organisations",
  "roles",
  "resources",
  "direction",
  "other",
]);
export type TensionCategory = z.infer<typeof TensionCategory>;
export const EscalationLevel = z.enum(["core-team", "board", "organisation"]);
export type EscalationLevel = z.infer<typeof EscalationLevel>;

/** Where the tension surfaced: a signal, a check-in or a meeting. */
export const TensionSource = z.union([
  z.strictObject({ signalId: SignalId }),
  z.strictObject({ checkInId: CheckInId }),
  z.strictObject({ meetingId: MeetingId }),
]);
export type TensionSource = z.infer<typeof TensionSource>;

/** Empty for a tension within the Core Team itself; each initiative named once. */
const TensionInitiatives = z
  .array(InitiativeId)
  .max(TEXT_LIMITS.list)
  .refine((ids) => new Set(ids).size === ids.length, { message: "name each initiative once" });

/** The governing context (styrande sammanhang) of an organisation an escalation goes to. */
export const EscalationContext = z.strictObject({ organisationId: OrganisationId, contextId: ContextId });
export type EscalationContext = z.infer<typeof EscalationContext>;

export const tensionEvents = {
  TensionRaised: {
    schemaVersion: 1,
    schema: z.strictObject({
      initiativeIds: TensionInitiatives,
      category: TensionCategory,
      description: longText,
      intensity: rating,
      raisedOn: isoDate,
      source: TensionSource.optional(),
    }),
  },
  TensionIntensityChanged: {
    schemaVersion: 1,
    schema: z.strictObject({ intensity: rating, note: longText, on: isoDate }),
  },
  TensionEscalated: {
    schemaVersion: 1,
    // governingContext added later, optional: events recorded without it need no upcaster.
    schema: z.strictObject({ to: EscalationLevel, note: longText, on: isoDate, governingContext: EscalationContext.optional() }),
  },
  TensionResolved: { schemaVersion: 1, schema: z.strictObject({ resolution: longText, resolvedOn: isoDate }) },
  TensionDropped: { schemaVersion: 1, schema: z.strictObject({ reason: longText, on: isoDate }) },
} as const;

export type TensionEvent = EventsOf<typeof tensionEvents>;
export type TensionEventOf<Type extends TensionEvent["type"]> = Extract<TensionEvent, { type: Type }>;

import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import { ClauseId } from "../initiative/mandate-clauses.js";
import { InitiativeId, MandateId, TensionId, isoDate, longText, shortText } from "../shared/schema-primitives.js";

export const SignalKind = z.enum(["observation", "progress", "resistance", "need", "boundary-request", "risk"]);
export type SignalKind = z.infer<typeof SignalKind>;
/** Where the initiative sees what it signals, relative to its mandate. */
export const MandatePosition = z.enum(["within", "at-edge", "beyond"]);
export type MandatePosition = z.infer<typeof MandatePosition>;
export const SignalOutcome = z.enum(["noted", "mandate-adjusted", "escalated", "declined"]);
export type SignalOutcome = z.infer<typeof SignalOutcome>;

/**
 * The amendment a mandate adjustment cites: the revision of its `MandateAmended` event in
 * the initiative stream. Amendments have no id of their own and a recorded event never
 * moves, so its revision names it for good.
 */
export const AmendmentRevision = z.number().int().nonnegative();

/**
 * What the answer led to: the mandate that was adjusted (and the amendment that adjusted
 * it) or the tension it was escalated to. `amendment` is optional here because answers
 * recorded before issue #11 name the mandate only; a new adjustment must cite it (the rule
 * `mandate-adjustment-needs-amendment`).
 */
export const SignalFollowUp = z.union([
  z.strictObject({ mandateId: MandateId, amendment: AmendmentRevision.optional() }),
  z.strictObject({ tensionId: TensionId }),
]);
export type SignalFollowUp = z.infer<typeof SignalFollowUp>;

export const signalEvents = {
  SignalSubmitted: {
    schemaVersion: 1,
    schema: z.strictObject({
      initiativeId: InitiativeId,
      kind: SignalKind,
      summary: shortText,
      detail: longText.optional(),
      mandatePosition: MandatePosition,
      mandateId: MandateId.optional(),
      /** The clause of that mandate the signal pushes on; signals recorded before issue #11 cite none. */
      clauseId: ClauseId.optional(),
      observedOn: isoDate,
    }),
  },
  SignalAcknowledged: { schemaVersion: 1, schema: z.strictObject({ on: isoDate }) },
  SignalAnswered: {
    schemaVersion: 1,
    schema: z.strictObject({ response: longText, outcome: SignalOutcome, followUp: SignalFollowUp.optional() }),
  },
  SignalWithdrawn: { schemaVersion: 1, schema: z.strictObject({ reason: longText }) },
} as const;

export type SignalEvent = EventsOf<typeof signalEvents>;
export type SignalEventOf<Type extends SignalEvent["type"]> = Extract<SignalEvent, { type: Type }>;

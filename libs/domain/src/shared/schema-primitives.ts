import { z } from "zod";

/** Limits on free text: every string a client can send has a maximum length. */
export const TEXT_LIMITS = { name: 200, short: 500, long: 4_000, list: 50 } as const;

export const name = z.string().trim().min(1).max(TEXT_LIMITS.name);
export const shortText = z.string().trim().min(1).max(TEXT_LIMITS.short);
export const longText = z.string().trim().min(1).max(TEXT_LIMITS.long);
/** Free text that may be empty (notes, descriptions). */
export const optionalLongText = z.string().trim().max(TEXT_LIMITS.long);
export const textList = z.array(shortText).max(TEXT_LIMITS.list);

/** A calendar date, YYYY-MM-DD (valid time). */
export const isoDate = z.iso.date();
/** An instant, ISO-8601 UTC (recorded time). */
export const isoInstant = z.iso.datetime({ offset: true });

export const rating = z.number().int().min(1).max(5);
/** Whole kronor, never negative. */
export const amountSek = z.number().int().nonnegative().max(1_000_000_000_000);

export const OrganisationId = z.uuid().brand<"OrganisationId">();
export type OrganisationId = z.infer<typeof OrganisationId>;
export const PersonId = z.uuid().brand<"PersonId">();
export type PersonId = z.infer<typeof PersonId>;
export const InitiativeId = z.uuid().brand<"InitiativeId">();
export type InitiativeId = z.infer<typeof InitiativeId>;
export const SignalId = z.uuid().brand<"SignalId">();
export type SignalId = z.infer<typeof SignalId>;
export const TensionId = z.uuid().brand<"TensionId">();
export type TensionId = z.infer<typeof TensionId>;
export const MeetingId = z.uuid().brand<"MeetingId">();
export type MeetingId = z.infer<typeof MeetingId>;
export const DecisionId = z.uuid().brand<"DecisionId">();
export type DecisionId = z.infer<typeof DecisionId>;
export const GoalId = z.uuid().brand<"GoalId">();
export type GoalId = z.infer<typeof GoalId>;
export const MandateId = z.uuid().brand<"MandateId">();
export type MandateId = z.infer<typeof MandateId>;
export const CheckInId = z.uuid().brand<"CheckInId">();
export type CheckInId = z.infer<typeof CheckInId>;
export const ContextId = z.uuid().brand<"ContextId">();
export type ContextId = z.infer<typeof ContextId>;
export const NextStepId = z.uuid().brand<"NextStepId">();
export type NextStepId = z.infer<typeof NextStepId>;
export const BudgetLineId = z.uuid().brand<"BudgetLineId">();
export type BudgetLineId = z.infer<typeof BudgetLineId>;

/** A focus area is named in URLs (budget-{focusArea}-{year}): a slug. */
export const FocusArea = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a lower-case slug such as alla-barn-och-unga-lyckas")
  .brand<"FocusArea">();
export type FocusArea = z.infer<typeof FocusArea>;

/** `{ meetingId, decisionId }`: a reference to a decision recorded in a meeting. */
export const DecisionRef = z.strictObject({ meetingId: MeetingId, decisionId: DecisionId });
export type DecisionRef = z.infer<typeof DecisionRef>;

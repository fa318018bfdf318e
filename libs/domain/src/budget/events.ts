import { z } from "zod";
import { IndicatorReadingId } from "../initiative/indicator-reading.js";
import type { EventsOf } from "../shared/event-catalog.js";
import {
  BudgetLineId,
  DecisionRef,
  GoalId,
  InitiativeId,
  OrganisationId,
  TEXT_LIMITS,
  amountSek,
  anId,
  isoDate,
  longText,
  rating,
  shortText,
} from "../shared/schema-primitives.js";

export const BudgetYear = z.number().int().min(2000).max(2100);

export const BudgetLine = z.strictObject({
  lineId: BudgetLineId,
  purpose: shortText,
  initiativeId: InitiativeId.optional(),
  amountSek,
});
export type BudgetLine = z.infer<typeof BudgetLine>;
const budgetLines = z.array(BudgetLine).min(1).max(TEXT_LIMITS.list);

/** External funding (extern finansiering) is applied for, then granted or rejected. */
export const ExternalFundingStatus = z.enum(["applied", "granted", "rejected"]);
export type ExternalFundingStatus = z.infer<typeof ExternalFundingStatus>;
export const ExternalFundingId = anId().brand<"ExternalFundingId">();
export type ExternalFundingId = z.infer<typeof ExternalFundingId>;

/** A contribution in kind (insats i natura): staff time given to the work. */
export const ContributionId = anId().brand<"ContributionId">();
export type ContributionId = z.infer<typeof ContributionId>;

export const budgetEvents = {
  BudgetProposed: { schemaVersion: 1, schema: z.strictObject({ year: BudgetYear, lines: budgetLines }) },
  BudgetApproved: { schemaVersion: 1, schema: z.strictObject({ decision: DecisionRef }) },
  /** `lines` replace the budget's lines as a whole. */
  BudgetAmended: {
    schemaVersion: 1,
    schema: z.strictObject({ lines: budgetLines, reason: longText, decision: DecisionRef }),
  },
  /**
   * `fundingId`, `status` and `lineId` came later and are optional, so events stored before
   * them fold as they are: without a status the funding was recorded as money received
   * (granted), and without an id it can take no status change or link.
   */
  ExternalFundingRecorded: {
    schemaVersion: 1,
    schema: z.strictObject({
      source: shortText,
      amountSek,
      initiativeId: InitiativeId.optional(),
      on: isoDate,
      fundingId: ExternalFundingId.optional(),
      status: ExternalFundingStatus.optional(),
      lineId: BudgetLineId.optional(),
    }),
  },
  /** An applied funding granted (with the amount granted, when it differs) or rejected, from `on`. */
  ExternalFundingStatusChanged: {
    schemaVersion: 1,
    schema: z.strictObject({
      fundingId: ExternalFundingId,
      status: ExternalFundingStatus.exclude(["applied"]),
      amountSek: amountSek.optional(),
      on: isoDate,
    }),
  },
  /** The funding goes to this budget line from now on (recorded time only; it carries no date). */
  ExternalFundingLinked: {
    schemaVersion: 1,
    schema: z.strictObject({ fundingId: ExternalFundingId, lineId: BudgetLineId }),
  },
  /**
   * Staff time an organisation gives an initiative (or, without one, the focus area) over a
   * period of the budget's year, in hours and valued in kronor: the budget beside the budget.
   */
  ContributionInKindRecorded: {
    schemaVersion: 1,
    schema: z.strictObject({
      contributionId: ContributionId,
      organisationId: OrganisationId,
      initiativeId: InitiativeId.optional(),
      periodFrom: isoDate,
      periodTo: isoDate,
      hours: z.number().nonnegative().max(10_000_000).multipleOf(0.25),
      valueSek: amountSek,
      note: longText.optional(),
    }),
  },
  /** `goalIds` and `readingIds`, the goals and indicator readings it cites, came later: optional, so older events fold as they are. */
  ValueReflectionRecorded: {
    schemaVersion: 1,
    schema: z.strictObject({
      initiativeId: InitiativeId.optional(),
      reflection: longText,
      valueRating: rating,
      on: isoDate,
      goalIds: z.array(GoalId).max(TEXT_LIMITS.list).optional(),
      readingIds: z.array(IndicatorReadingId).max(TEXT_LIMITS.list).optional(),
    }),
  },
} as const;

export type BudgetEvent = EventsOf<typeof budgetEvents>;
export type BudgetEventOf<Type extends BudgetEvent["type"]> = Extract<BudgetEvent, { type: Type }>;

import { z } from "zod";
import type { EventsOf } from "../shared/event-catalog.js";
import {
  BudgetLineId,
  DecisionRef,
  InitiativeId,
  TEXT_LIMITS,
  amountSek,
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

export const budgetEvents = {
  BudgetProposed: { schemaVersion: 1, schema: z.strictObject({ year: BudgetYear, lines: budgetLines }) },
  BudgetApproved: { schemaVersion: 1, schema: z.strictObject({ decision: DecisionRef }) },
  /** `lines` replace the budget's lines as a whole. */
  BudgetAmended: {
    schemaVersion: 1,
    schema: z.strictObject({ lines: budgetLines, reason: longText, decision: DecisionRef }),
  },
  ExternalFundingRecorded: {
    schemaVersion: 1,
    schema: z.strictObject({ source: shortText, amountSek, initiativeId: InitiativeId.optional(), on: isoDate }),
  },
  ValueReflectionRecorded: {
    schemaVersion: 1,
    schema: z.strictObject({
      initiativeId: InitiativeId.optional(),
      reflection: longText,
      valueRating: rating,
      on: isoDate,
    }),
  },
} as const;

export type BudgetEvent = EventsOf<typeof budgetEvents>;
export type BudgetEventOf<Type extends BudgetEvent["type"]> = Extract<BudgetEvent, { type: Type }>;

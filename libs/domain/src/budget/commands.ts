import { z } from "zod";
import type { DecisionKind } from "../meeting/events.js";
import {
  DecisionRef,
  InitiativeId,
  TEXT_LIMITS,
  amountSek,
  isoDate,
  longText,
  rating,
  shortText,
} from "../shared/schema-primitives.js";
import type { BudgetLine } from "./events.js";

/** A line as a client sends it; the application gives it its lineId. */
const BudgetLineInput = z.strictObject({ purpose: shortText, initiativeId: InitiativeId.optional(), amountSek });
const BudgetLinesInput = z.array(BudgetLineInput).min(1).max(TEXT_LIMITS.list);

export const ProposeBudgetInput = z.strictObject({ lines: BudgetLinesInput });
export const ApproveBudgetInput = z.strictObject({ decision: DecisionRef });
export const AmendBudgetInput = z.strictObject({ lines: BudgetLinesInput, reason: longText, decision: DecisionRef });
export const RecordExternalFundingInput = z.strictObject({
  source: shortText,
  amountSek,
  initiativeId: InitiativeId.optional(),
  on: isoDate,
});
export const RecordValueReflectionInput = z.strictObject({
  initiativeId: InitiativeId.optional(),
  reflection: longText,
  valueRating: rating,
  on: isoDate,
});

/** Fact: the kind of the cited decision, undefined when the meeting records no such decision. */
interface CitedDecision {
  readonly decisionKind: DecisionKind | undefined;
}

export type BudgetCommand =
  | { readonly type: "ProposeBudget"; readonly data: { readonly year: number; readonly lines: BudgetLine[] } }
  | { readonly type: "ApproveBudget"; readonly data: z.infer<typeof ApproveBudgetInput> & CitedDecision }
  | {
      readonly type: "AmendBudget";
      readonly data: Omit<z.infer<typeof AmendBudgetInput>, "lines"> & { readonly lines: BudgetLine[] } & CitedDecision;
    }
  | { readonly type: "RecordExternalFunding"; readonly data: z.infer<typeof RecordExternalFundingInput> }
  | { readonly type: "RecordValueReflection"; readonly data: z.infer<typeof RecordValueReflectionInput> };

import { z } from "zod";
import type { DecisionKind } from "../meeting/events.js";
import type { CommandRecording } from "../shared/decider.js";
import type { NamedInitiatives } from "../initiative/named-initiatives.js";
import { TEXT_LIMITS } from "../shared/schema-primitives.js";
import { BudgetLine, type BudgetEventOf, budgetEvents as events } from "./events.js";

// HTTP bodies. The budget is named by the path (focus area and year), and the application
// gives every line its lineId.
const BudgetLinesInput = z.array(BudgetLine.omit({ lineId: true })).min(1).max(TEXT_LIMITS.list);

export const ProposeBudgetInput = z.strictObject({ lines: BudgetLinesInput });
export const ApproveBudgetInput = events.BudgetApproved.schema;
export const AmendBudgetInput = events.BudgetAmended.schema.extend({ lines: BudgetLinesInput });
export const RecordExternalFundingInput = events.ExternalFundingRecorded.schema;
export const RecordValueReflectionInput = events.ValueReflectionRecorded.schema;

/** Fact: the kind of the cited decision, undefined when the meeting records no such decision. */
interface CitedDecision {
  readonly decisionKind: DecisionKind | undefined;
}

export type BudgetCommand =
  | CommandRecording<"ProposeBudget", BudgetEventOf<"BudgetProposed">, NamedInitiatives>
  | CommandRecording<"ApproveBudget", BudgetEventOf<"BudgetApproved">, CitedDecision>
  | CommandRecording<"AmendBudget", BudgetEventOf<"BudgetAmended">, CitedDecision & NamedInitiatives>
  | CommandRecording<"RecordExternalFunding", BudgetEventOf<"ExternalFundingRecorded">, NamedInitiatives>
  | CommandRecording<"RecordValueReflection", BudgetEventOf<"ValueReflectionRecorded">, NamedInitiatives>;

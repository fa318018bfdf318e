import type { DecisionKind } from "../meeting/events.js";
import type { CommandRecording } from "../shared/decider.js";
import type { NamedInitiatives } from "../initiative/named-initiatives.js";
import type { BudgetEventOf } from "./events.js";

/** Fact: the kind of the cited decision, undefined when the meeting records no such decision. */
interface CitedDecision {
  readonly decisionKind: DecisionKind | undefined;
}

/**
 * Fact: the goals and readings a reflection cites that are not its initiative's (all of them
 * when it names none). Left out, nothing is cited: reflections came before citations.
 */
interface CitedGoalsAndReadings {
  readonly citationsNotFound: ReadonlyArray<string>;
}

/** Fact: whether the organisation a contribution names is registered. */
interface NamedOrganisation {
  readonly organisationRegistered: boolean;
}

export type BudgetCommand =
  | CommandRecording<"ProposeBudget", BudgetEventOf<"BudgetProposed">, NamedInitiatives>
  | CommandRecording<"ApproveBudget", BudgetEventOf<"BudgetApproved">, CitedDecision>
  | CommandRecording<"AmendBudget", BudgetEventOf<"BudgetAmended">, CitedDecision & NamedInitiatives>
  | CommandRecording<"RecordExternalFunding", BudgetEventOf<"ExternalFundingRecorded">, NamedInitiatives>
  | CommandRecording<"RecordValueReflection", BudgetEventOf<"ValueReflectionRecorded">, NamedInitiatives & CitedGoalsAndReadings>
  | CommandRecording<"ChangeExternalFundingStatus", BudgetEventOf<"ExternalFundingStatusChanged">>
  | CommandRecording<"LinkExternalFunding", BudgetEventOf<"ExternalFundingLinked">>
  | CommandRecording<
      "RecordContributionInKind",
      BudgetEventOf<"ContributionInKindRecorded">,
      NamedInitiatives & NamedOrganisation
    >;

import {
  type AmendBudgetInput,
  type ApproveBudgetInput,
  type BudgetCommand,
  type BudgetEvent,
  type BudgetLine,
  type BudgetLineId,
  type BudgetState,
  type InitiativeId,
  type ProposeBudgetInput,
  type RecordExternalFundingInput,
  type RecordValueReflectionInput,
  budgetDecider,
  budgetEvents,
  budgetId,
  budgetStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec, CommandTarget } from "../command-spec.js";
import { recordedDecisionKind } from "../facts/decisions.js";
import { initiativeRegistry, unregistered } from "../facts/registrations.js";

type BudgetSpec<Input> = CommandSpec<Input, BudgetCommand, BudgetEvent, BudgetState>;

const budgetStreamOf = {
  decider: budgetDecider,
  events: budgetEvents,
} as const;

/** The path `/budgets/{focusArea}/{year}` names the budget. */
type OnBudget<Body> = Body & { readonly focusArea: string; readonly year: number };

const theBudget = ({ focusArea, year }: OnBudget<unknown>): CommandTarget => ({
  streamId: budgetStream(focusArea, year),
  resourceId: budgetId(focusArea, year),
});

/**
 * One command needs as many line ids as it has lines, but gets one fresh id. Each line's
 * id is that id with the line's index in its last four hex digits: unique per line, and
 * the same again when a conflict makes the command decide afresh.
 */
const withLineIds = (lines: ReadonlyArray<Omit<BudgetLine, "lineId">>, newId: string): BudgetLine[] =>
  lines.map((line, index) => ({
    ...line,
    lineId: `${newId.slice(0, -4)}${index.toString(16).padStart(4, "0")}` as BudgetLineId,
  }));

/**
 * Fact for the budget's rule that lines, external funding and value reflections name only
 * registered initiatives: which of the initiatives `named` carry are not.
 */
const unregisteredInitiativesIn = (named: ReadonlyArray<{ readonly initiativeId?: InitiativeId | undefined }>) =>
  Effect.flatMap(EventStore, (store) =>
    unregistered(
      store,
      initiativeRegistry,
      named.map(({ initiativeId }) => initiativeId).filter((id) => id !== undefined),
    ),
  );

export const proposeBudget: BudgetSpec<OnBudget<z.infer<typeof ProposeBudgetInput>>> = {
  ...budgetStreamOf,
  name: "ProposeBudget",
  roles: ["core-team"],
  creates: "stream",
  target: theBudget,
  toCommand: ({ year, lines }, { newId }) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregisteredInitiativesIn(lines);
      return { type: "ProposeBudget", data: { year, lines: withLineIds(lines, newId), unregisteredInitiatives } };
    }),
};

export const approveBudget: BudgetSpec<OnBudget<z.infer<typeof ApproveBudgetInput>>> = {
  ...budgetStreamOf,
  name: "ApproveBudget",
  roles: ["core-team"],
  creates: "nothing",
  target: theBudget,
  toCommand: ({ decision }) =>
    Effect.gen(function* () {
      const decisionKind = yield* recordedDecisionKind(yield* EventStore, decision);
      return { type: "ApproveBudget", data: { decision, decisionKind } };
    }),
};

export const amendBudget: BudgetSpec<OnBudget<z.infer<typeof AmendBudgetInput>>> = {
  ...budgetStreamOf,
  name: "AmendBudget",
  roles: ["core-team"],
  creates: "nothing",
  target: theBudget,
  toCommand: ({ lines, reason, decision }, { newId }) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregisteredInitiativesIn(lines);
      const decisionKind = yield* recordedDecisionKind(yield* EventStore, decision);
      return {
        type: "AmendBudget",
        data: { lines: withLineIds(lines, newId), reason, decision, decisionKind, unregisteredInitiatives },
      };
    }),
};

export const recordExternalFunding: BudgetSpec<OnBudget<z.infer<typeof RecordExternalFundingInput>>> = {
  ...budgetStreamOf,
  name: "RecordExternalFunding",
  roles: ["core-team"],
  creates: "nothing",
  target: theBudget,
  toCommand: ({ focusArea: _, year: __, ...body }) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregisteredInitiativesIn([body]);
      return { type: "RecordExternalFunding", data: { ...body, unregisteredInitiatives } };
    }),
};

export const recordValueReflection: BudgetSpec<OnBudget<z.infer<typeof RecordValueReflectionInput>>> = {
  ...budgetStreamOf,
  name: "RecordValueReflection",
  roles: ["core-team"],
  creates: "nothing",
  target: theBudget,
  toCommand: ({ focusArea: _, year: __, ...body }) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregisteredInitiativesIn([body]);
      return { type: "RecordValueReflection", data: { ...body, unregisteredInitiatives } };
    }),
};

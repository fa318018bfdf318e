import {
  type BudgetCommand,
  BudgetAlreadyApproved,
  BudgetAlreadyProposed,
  BudgetDecisionKind,
  type BudgetEvent,
  BudgetLineNotFound,
  type BudgetLine,
  type BudgetLineId,
  BudgetNotApproved,
  type BudgetState,
  CitationNotFound,
  type ContributionId,
  ContributionOutsideBudgetYear,
  ContributionPeriodInvalid,
  DecisionNotFound,
  type ExternalFundingId,
  ExternalFundingAlreadyDecided,
  ExternalFundingNotFound,
  type InitiativeId,
  type InitiativeEvent,
  InitiativeNotRegistered,
  type OrganisationId,
  OrganisationNotRegistered,
  budgetDecider,
  budgetEvents,
  budgetId,
  budgetStream,
  initiativeStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec, CommandTarget } from "../../command-spec.js";
import { recordedDecisionKind } from "../../facts/decisions.js";
import { initiativeRegistry, organisationRegistry, unregistered } from "../../facts/registrations.js";
import {
  AmendBudgetInput,
  ApproveBudgetInput,
  ChangeExternalFundingStatusInput,
  LinkExternalFundingInput,
  ProposeBudgetInput,
  RecordContributionInKindInput,
  RecordExternalFundingInput,
  RecordValueReflectionInput,
} from "./inputs.js";

type BudgetSpec<Input extends z.ZodObject> = CommandSpec<Input, BudgetCommand, BudgetEvent, BudgetState>;

/** Every budget command names its budget by focus area and year. */
const onBudget = {
  decider: budgetDecider,
  events: budgetEvents,
  roles: ["core-team"],
  target: ({ focusArea, year }: { readonly focusArea: string; readonly year: number }): CommandTarget => ({
    streamId: budgetStream(focusArea, year),
    resourceId: budgetId(focusArea, year),
  }),
} as const;

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

export const proposeBudget: BudgetSpec<typeof ProposeBudgetInput> = {
  ...onBudget,
  name: "ProposeBudget",
  input: ProposeBudgetInput,
  creates: "stream",
  rules: [BudgetAlreadyProposed, InitiativeNotRegistered],
  toCommand: ({ year, lines }, { newId }) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregisteredInitiativesIn(lines);
      return { type: "ProposeBudget", data: { year, lines: withLineIds(lines, newId), unregisteredInitiatives } };
    }),
};

export const approveBudget: BudgetSpec<typeof ApproveBudgetInput> = {
  ...onBudget,
  name: "ApproveBudget",
  input: ApproveBudgetInput,
  creates: "nothing",
  rules: [BudgetAlreadyApproved, DecisionNotFound, BudgetDecisionKind],
  toCommand: ({ decision }) =>
    Effect.gen(function* () {
      const decisionKind = yield* recordedDecisionKind(yield* EventStore, decision);
      return { type: "ApproveBudget", data: { decision, decisionKind } };
    }),
};

export const amendBudget: BudgetSpec<typeof AmendBudgetInput> = {
  ...onBudget,
  name: "AmendBudget",
  input: AmendBudgetInput,
  creates: "nothing",
  rules: [BudgetNotApproved, DecisionNotFound, BudgetDecisionKind, InitiativeNotRegistered],
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

/** External funding is a resource inside its budget: recording it answers the new `fundingId`. */
export const recordExternalFunding: BudgetSpec<typeof RecordExternalFundingInput> = {
  ...onBudget,
  name: "RecordExternalFunding",
  input: RecordExternalFundingInput,
  creates: "resource",
  target: (input, newId) => ({ ...onBudget.target(input), resourceId: newId }),
  rules: [InitiativeNotRegistered, BudgetLineNotFound],
  toCommand: ({ focusArea: _, year: __, status = "granted", ...body }, { newId }) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregisteredInitiativesIn([body]);
      const fundingId = newId as ExternalFundingId;
      return { type: "RecordExternalFunding", data: { ...body, fundingId, status, unregisteredInitiatives } };
    }),
};

/** Commands on one external funding answer its `fundingId`. */
const theFunding = (input: { readonly focusArea: string; readonly year: number; readonly fundingId: string }): CommandTarget => ({
  ...onBudget.target(input),
  resourceId: input.fundingId,
});

export const changeExternalFundingStatus: BudgetSpec<typeof ChangeExternalFundingStatusInput> = {
  ...onBudget,
  name: "ChangeExternalFundingStatus",
  input: ChangeExternalFundingStatusInput,
  creates: "nothing",
  target: theFunding,
  rules: [ExternalFundingAlreadyDecided],
  missing: [ExternalFundingNotFound],
  toCommand: ({ focusArea: _, year: __, ...data }) => Effect.succeed({ type: "ChangeExternalFundingStatus", data }),
};

export const linkExternalFunding: BudgetSpec<typeof LinkExternalFundingInput> = {
  ...onBudget,
  name: "LinkExternalFunding",
  input: LinkExternalFundingInput,
  creates: "nothing",
  target: theFunding,
  rules: [BudgetLineNotFound],
  missing: [ExternalFundingNotFound],
  toCommand: ({ focusArea: _, year: __, ...data }) => Effect.succeed({ type: "LinkExternalFunding", data }),
};

/**
 * Fact for citation-not-found: the cited goal ids the initiative's stream never set as goals,
 * and the cited reading ids it never recorded as readings (a reading's id is not a goal's).
 */
const citationsNotOf = (
  initiativeId: InitiativeId | undefined,
  cited: { readonly goalIds: ReadonlyArray<string>; readonly readingIds: ReadonlyArray<string> },
) =>
  Effect.gen(function* () {
    if (cited.goalIds.length + cited.readingIds.length === 0) return [];
    if (initiativeId === undefined) return [...cited.goalIds, ...cited.readingIds];
    const store = yield* EventStore;
    // An initiative that is not registered has recorded nothing: initiative-not-registered says so first.
    const events = (yield* store
      .readStream(initiativeStream(initiativeId))
      .pipe(Effect.catchTag("StreamNotFound", () => Effect.succeed([])))) as unknown as ReadonlyArray<InitiativeEvent>;
    const goals = new Set<string>();
    const readings = new Set<string>();
    for (const event of events) {
      if (event.type === "GoalSet") goals.add(event.data.goalId);
      if (event.type === "IndicatorReadingRecorded") readings.add(event.data.readingId);
    }
    return [...cited.goalIds.filter((id) => !goals.has(id)), ...cited.readingIds.filter((id) => !readings.has(id))];
  });

export const recordValueReflection: BudgetSpec<typeof RecordValueReflectionInput> = {
  ...onBudget,
  name: "RecordValueReflection",
  input: RecordValueReflectionInput,
  creates: "nothing",
  rules: [InitiativeNotRegistered, CitationNotFound],
  toCommand: ({ focusArea: _, year: __, ...body }) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregisteredInitiativesIn([body]);
      const citationsNotFound = yield* citationsNotOf(body.initiativeId, {
        goalIds: body.goalIds ?? [],
        readingIds: body.readingIds ?? [],
      });
      return { type: "RecordValueReflection", data: { ...body, unregisteredInitiatives, citationsNotFound } };
    }),
};

/** A contribution in kind is a resource inside its budget: recording it answers the new `contributionId`. */
export const recordContributionInKind: BudgetSpec<typeof RecordContributionInKindInput> = {
  ...onBudget,
  name: "RecordContributionInKind",
  input: RecordContributionInKindInput,
  creates: "resource",
  target: (input, newId) => ({ ...onBudget.target(input), resourceId: newId }),
  rules: [OrganisationNotRegistered, InitiativeNotRegistered, ContributionPeriodInvalid, ContributionOutsideBudgetYear],
  toCommand: ({ focusArea: _, year: __, ...body }, { newId }) =>
    Effect.gen(function* () {
      const store = yield* EventStore;
      const unregisteredInitiatives = yield* unregisteredInitiativesIn([body]);
      const unregisteredOrganisations = yield* unregistered(store, organisationRegistry, [body.organisationId as OrganisationId]);
      return {
        type: "RecordContributionInKind",
        data: {
          ...body,
          contributionId: newId as ContributionId,
          organisationRegistered: unregisteredOrganisations.length === 0,
          unregisteredInitiatives,
        },
      };
    }),
};

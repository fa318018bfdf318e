import {
  ClauseNotInMandate,
  type DecisionRef,
  DecisionNotFound,
  EffectiveDateOutsideValidity,
  type MandateId,
  MandateNotFound,
  MandateRequiresActiveGoal,
  MandateRevoked,
  MandateValidityInvalid,
  MandatesOverlap,
  RenewalNotLater,
  TriggerNotFound,
  initiativeStream,
} from "#domain";
import { EventStore, type EventStoreService } from "#event-store";
import { Effect } from "effect";
import type { RuleClass } from "../../command-spec.js";
import { recordedDecisionKind } from "../../facts/decisions.js";
import { referenceConcerns } from "../../facts/references.js";
import { type InitiativeSpec, initiativeRules, newInInitiative, onInitiative } from "./initiative-spec.js";
import { AmendMandateInput, GrantMandateInput, RenewMandateInput, RevokeMandateInput } from "./inputs.js";

const mandateCommand = { ...onInitiative, roles: ["core-team"] } as const;

/** Fact: the cited decision was recorded by its meeting (any kind may carry a mandate). */
const citedDecisionRecorded = (store: EventStoreService, decision: DecisionRef | undefined) =>
  decision === undefined ? Effect.succeed(true) : Effect.map(recordedDecisionKind(store, decision), (kind) => kind !== undefined);

/**
 * What the three changes to an existing mandate share: they name it (an unknown one is a
 * missing resource), and each can cite a decision no meeting recorded or meet it revoked.
 */
const onMandate = {
  ...mandateCommand,
  missing: [MandateNotFound],
  target: ({ initiativeId, mandateId }: { readonly initiativeId: string; readonly mandateId: MandateId }) => ({
    streamId: initiativeStream(initiativeId),
    resourceId: mandateId,
  }),
} as const;

const changeRules = (...classes: ReadonlyArray<RuleClass>) => initiativeRules(DecisionNotFound, MandateRevoked, ...classes);

export const grantMandate: InitiativeSpec<typeof GrantMandateInput> = {
  ...mandateCommand,
  name: "GrantMandate",
  input: GrantMandateInput,
  creates: "resource",
  rules: initiativeRules(
    DecisionNotFound,
    MandateRequiresActiveGoal,
    MandateValidityInvalid,
    ClauseNotInMandate,
    MandatesOverlap,
  ),
  target: newInInitiative,
  toCommand: ({ initiativeId: _, ...data }, { newId }) =>
    Effect.gen(function* () {
      const found = yield* citedDecisionRecorded(yield* EventStore, data.decision);
      return { type: "GrantMandate", data: { ...data, mandateId: newId as MandateId, decisionFound: found } };
    }),
};

export const amendMandate: InitiativeSpec<typeof AmendMandateInput> = {
  ...onMandate,
  name: "AmendMandate",
  input: AmendMandateInput,
  rules: changeRules(EffectiveDateOutsideValidity, TriggerNotFound, ClauseNotInMandate),
  toCommand: ({ initiativeId, ...data }) =>
    Effect.gen(function* () {
      const store = yield* EventStore;
      const found = yield* citedDecisionRecorded(store, data.decision);
      const trigger = yield* referenceConcerns(store, data.triggeredBy, initiativeId);
      return { type: "AmendMandate", data: { ...data, decisionFound: found, triggerFound: trigger } };
    }),
};

export const renewMandate: InitiativeSpec<typeof RenewMandateInput> = {
  ...onMandate,
  name: "RenewMandate",
  input: RenewMandateInput,
  rules: changeRules(RenewalNotLater, MandatesOverlap),
  toCommand: ({ initiativeId: _, ...data }) =>
    Effect.gen(function* () {
      const found = yield* citedDecisionRecorded(yield* EventStore, data.decision);
      return { type: "RenewMandate", data: { ...data, decisionFound: found } };
    }),
};

export const revokeMandate: InitiativeSpec<typeof RevokeMandateInput> = {
  ...onMandate,
  name: "RevokeMandate",
  input: RevokeMandateInput,
  rules: changeRules(EffectiveDateOutsideValidity),
  toCommand: ({ initiativeId: _, ...data }) =>
    Effect.gen(function* () {
      const found = yield* citedDecisionRecorded(yield* EventStore, data.decision);
      return { type: "RevokeMandate", data: { ...data, decisionFound: found } };
    }),
};

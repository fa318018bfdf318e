import {
  type AmendMandateInput,
  type DecisionRef,
  type GrantMandateInput,
  type MandateId,
  type RenewMandateInput,
  type RevokeMandateInput,
  initiativeStream,
} from "#domain";
import { EventStore, type EventStoreService } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import { recordedDecisionKind } from "../facts/decisions.js";
import { referenceConcerns } from "../facts/references.js";
import { type InitiativeSpec, type OnInitiative, onInitiative } from "./initiative-spec.js";

type OnMandate<Body> = OnInitiative<Body> & { readonly mandateId: string };

const mandateCommand = { ...onInitiative, roles: ["core-team"] } as const;

/** Fact: the cited decision was recorded by its meeting (any kind may carry a mandate). */
const citedDecisionRecorded = (store: EventStoreService, decision: DecisionRef | undefined) =>
  decision === undefined
    ? Effect.succeed(true)
    : Effect.map(recordedDecisionKind(store, decision), (kind) => kind !== undefined);

const mandateTarget = ({ initiativeId, mandateId }: OnMandate<unknown>) => ({
  streamId: initiativeStream(initiativeId),
  resourceId: mandateId,
});

const mandateData = <Body>({ initiativeId: _, mandateId, ...body }: OnMandate<Body>) => ({
  ...body,
  mandateId: mandateId as MandateId,
});

export const grantMandate: InitiativeSpec<OnInitiative<z.infer<typeof GrantMandateInput>>> = {
  ...mandateCommand,
  creates: "resource",
  name: "GrantMandate",
  target: (input, newId) => ({ streamId: initiativeStream(input.initiativeId), resourceId: newId }),
  toCommand: ({ initiativeId: _, ...body }, { newId }) =>
    Effect.gen(function* () {
      const found = yield* citedDecisionRecorded(yield* EventStore, body.decision);
      return { type: "GrantMandate", data: { ...body, mandateId: newId as MandateId, decisionFound: found } };
    }),
};

export const amendMandate: InitiativeSpec<OnMandate<z.infer<typeof AmendMandateInput>>> = {
  ...mandateCommand,
  name: "AmendMandate",
  target: mandateTarget,
  toCommand: (input) =>
    Effect.gen(function* () {
      const store = yield* EventStore;
      const found = yield* citedDecisionRecorded(store, input.decision);
      const trigger = yield* referenceConcerns(store, input.triggeredBy, input.initiativeId);
      return { type: "AmendMandate", data: { ...mandateData(input), decisionFound: found, triggerFound: trigger } };
    }),
};

export const renewMandate: InitiativeSpec<OnMandate<z.infer<typeof RenewMandateInput>>> = {
  ...mandateCommand,
  name: "RenewMandate",
  target: mandateTarget,
  toCommand: (input) =>
    Effect.gen(function* () {
      const found = yield* citedDecisionRecorded(yield* EventStore, input.decision);
      return { type: "RenewMandate", data: { ...mandateData(input), decisionFound: found } };
    }),
};

export const revokeMandate: InitiativeSpec<OnMandate<z.infer<typeof RevokeMandateInput>>> = {
  ...mandateCommand,
  name: "RevokeMandate",
  target: mandateTarget,
  toCommand: (input) =>
    Effect.gen(function* () {
      const found = yield* citedDecisionRecorded(yield* EventStore, input.decision);
      return { type: "RevokeMandate", data: { ...mandateData(input), decisionFound: found } };
    }),
};

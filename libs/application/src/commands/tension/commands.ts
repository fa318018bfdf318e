import {
  governingContextFacts,
  GoverningContextNotMapped,
  GoverningContextRetiredError,
  InitiativeNotRegistered,
  OrganisationNotRegistered,
  type Principal,
  TensionClosed,
  type TensionCommand,
  TensionDatedBeforeRaised,
  TensionDatedInFuture,
  tensionDecider,
  type TensionEvent,
  tensionEvents,
  type TensionState,
  tensionStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import { type CommandSpec, inNewStream } from "../../command-spec.js";
import { actsForInitiatives } from "../../facts/leads.js";
import { organisationState } from "../../facts/organisations.js";
import { initiativeRegistry, unregistered } from "../../facts/registrations.js";
import {
  ChangeTensionIntensityInput,
  DropTensionInput,
  EscalateTensionInput,
  RaiseTensionInput,
  ResolveTensionInput,
} from "./inputs.js";

type TensionSpec<Input extends z.ZodObject> = CommandSpec<Input, TensionCommand, TensionEvent, TensionState>;

const tensionStreamOf = {
  decider: tensionDecider,
  events: tensionEvents,
  roles: ["core-team", "initiative-lead"],
} as const;

/**
 * A lead may follow up a tension only if every initiative it concerns is theirs: the same
 * rule as raising it, so a lead of one initiative cannot resolve what it shares with another.
 */
const onTension = {
  ...tensionStreamOf,
  creates: "nothing",
  rules: [TensionClosed, TensionDatedBeforeRaised, TensionDatedInFuture],
  target: ({ tensionId }: { readonly tensionId: string }) => ({ streamId: tensionStream(tensionId), resourceId: tensionId }),
  scope: (principal: Principal, _input: unknown, state: TensionState) =>
    actsForInitiatives(principal, state.status === "not-raised" ? [] : state.initiativeIds),
} as const;

/** A lead raises only for their own initiatives, never a tension within the Core Team itself. */
export const raiseTension: TensionSpec<typeof RaiseTensionInput> = {
  ...tensionStreamOf,
  name: "RaiseTension",
  input: RaiseTensionInput,
  scope: (principal, input) => actsForInitiatives(principal, input.initiativeIds),
  creates: "stream",
  rules: [InitiativeNotRegistered, TensionDatedInFuture],
  target: inNewStream(tensionStream),
  toCommand: (input, { today }) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregistered(yield* EventStore, initiativeRegistry, input.initiativeIds);
      return { type: "RaiseTension", data: { ...input, unregisteredInitiatives, today } };
    }),
};

export const changeTensionIntensity: TensionSpec<typeof ChangeTensionIntensityInput> = {
  ...onTension,
  name: "ChangeTensionIntensity",
  input: ChangeTensionIntensityInput,
  toCommand: ({ tensionId: _, ...data }, { today }) =>
    Effect.succeed({ type: "ChangeTensionIntensity", data: { ...data, today } }),
};

/** The governing context an escalation names is read from its organisation, as linking one to an initiative does. */
export const escalateTension: TensionSpec<typeof EscalateTensionInput> = {
  ...onTension,
  name: "EscalateTension",
  input: EscalateTensionInput,
  rules: [...onTension.rules, OrganisationNotRegistered, GoverningContextNotMapped, GoverningContextRetiredError],
  toCommand: ({ tensionId: _, ...data }, { today }) =>
    Effect.gen(function* () {
      const named = data.governingContext;
      if (named === undefined) return { type: "EscalateTension", data: { ...data, today } };
      const organisation = yield* organisationState(yield* EventStore, named.organisationId);
      return {
        type: "EscalateTension",
        data: { ...data, organisation: governingContextFacts(organisation, named.contextId), today },
      };
    }),
};

export const resolveTension: TensionSpec<typeof ResolveTensionInput> = {
  ...onTension,
  name: "ResolveTension",
  input: ResolveTensionInput,
  toCommand: ({ tensionId: _, ...data }, { today }) => Effect.succeed({ type: "ResolveTension", data: { ...data, today } }),
};

export const dropTension: TensionSpec<typeof DropTensionInput> = {
  ...onTension,
  name: "DropTension",
  input: DropTensionInput,
  toCommand: ({ tensionId: _, ...data }, { today }) => Effect.succeed({ type: "DropTension", data: { ...data, today } }),
};

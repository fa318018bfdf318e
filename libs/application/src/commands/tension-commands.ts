import {
  type ChangeTensionIntensityInput,
  type DropTensionInput,
  type EscalateTensionInput,
  type Principal,
  type RaiseTensionInput,
  type ResolveTensionInput,
  type TensionCommand,
  type TensionEvent,
  type TensionState,
  actsFor,
  tensionDecider,
  tensionEvents,
  tensionStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec } from "../command-spec.js";
import { initiativeRegistry, unregistered } from "../facts/registrations.js";

type TensionSpec<Input> = CommandSpec<Input, TensionCommand, TensionEvent, TensionState>;
type OnTension<Body> = Body & { readonly tensionId: string };

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
  target: ({ tensionId }: { readonly tensionId: string }) => ({ streamId: tensionStream(tensionId), resourceId: tensionId }),
  scope: (principal: Principal, _input: unknown, state: TensionState) =>
    state.status !== "not-raised" && actsFor(principal, state.initiativeIds),
} as const;

/** A lead raises only for their own initiatives, never a tension within the Core Team itself. */
export const raiseTension: TensionSpec<z.infer<typeof RaiseTensionInput>> = {
  ...tensionStreamOf,
  name: "RaiseTension",
  scope: (principal, input) => actsFor(principal, input.initiativeIds),
  creates: "stream",
  target: (_input, newId) => ({ streamId: tensionStream(newId), resourceId: newId }),
  toCommand: (input) =>
    Effect.gen(function* () {
      const unregisteredInitiatives = yield* unregistered(yield* EventStore, initiativeRegistry, input.initiativeIds);
      return { type: "RaiseTension", data: { ...input, unregisteredInitiatives } };
    }),
};

export const changeTensionIntensity: TensionSpec<OnTension<z.infer<typeof ChangeTensionIntensityInput>>> = {
  ...onTension,
  name: "ChangeTensionIntensity",
  toCommand: ({ tensionId: _, ...data }) => Effect.succeed({ type: "ChangeTensionIntensity", data }),
};

export const escalateTension: TensionSpec<OnTension<z.infer<typeof EscalateTensionInput>>> = {
  ...onTension,
  name: "EscalateTension",
  toCommand: ({ tensionId: _, ...data }) => Effect.succeed({ type: "EscalateTension", data }),
};

export const resolveTension: TensionSpec<OnTension<z.infer<typeof ResolveTensionInput>>> = {
  ...onTension,
  name: "ResolveTension",
  toCommand: ({ tensionId: _, ...data }) => Effect.succeed({ type: "ResolveTension", data }),
};

export const dropTension: TensionSpec<OnTension<z.infer<typeof DropTensionInput>>> = {
  ...onTension,
  name: "DropTension",
  toCommand: ({ tensionId: _, ...data }) => Effect.succeed({ type: "DropTension", data }),
};

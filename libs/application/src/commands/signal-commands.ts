import {
  type AcknowledgeSignalInput,
  type AnswerSignalInput,
  type SignalCommand,
  type SignalEvent,
  type SignalState,
  type SubmitSignalInput,
  type WithdrawSignalInput,
  actsFor,
  initiativeDecider,
  initiativeStream,
  signalDecider,
  signalEvents,
  signalStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec } from "../command-spec.js";
import { referenceConcerns } from "../facts/references.js";
import { loadState } from "../read-state.js";

type SignalSpec<Input> = CommandSpec<Input, SignalCommand, SignalEvent, SignalState>;
type OnSignal<Body> = Body & { readonly signalId: string };

const signalStreamOf = {
  decider: signalDecider,
  events: signalEvents,
} as const;

const onSignal = {
  ...signalStreamOf,
  creates: "nothing",
  target: ({ signalId }: { readonly signalId: string }) => ({ streamId: signalStream(signalId), resourceId: signalId }),
} as const;

export const submitSignal: SignalSpec<z.infer<typeof SubmitSignalInput>> = {
  ...signalStreamOf,
  name: "SubmitSignal",
  roles: ["core-team", "initiative-lead"],
  scope: (principal, input) => actsFor(principal, [input.initiativeId]),
  creates: "stream",
  target: (_input, newId) => ({ streamId: signalStream(newId), resourceId: newId }),
  toCommand: (input) =>
    Effect.gen(function* () {
      const { state: initiative } = yield* loadState(yield* EventStore, initiativeStream(input.initiativeId), initiativeDecider);
      return { type: "SubmitSignal", data: { ...input, initiative } };
    }),
};

export const acknowledgeSignal: SignalSpec<OnSignal<z.infer<typeof AcknowledgeSignalInput>>> = {
  ...onSignal,
  name: "AcknowledgeSignal",
  roles: ["core-team"],
  toCommand: (_input, { today }) => Effect.succeed({ type: "AcknowledgeSignal", data: { on: today } }),
};

export const answerSignal: SignalSpec<OnSignal<z.infer<typeof AnswerSignalInput>>> = {
  ...onSignal,
  name: "AnswerSignal",
  roles: ["core-team"],
  toCommand: ({ signalId: _, ...data }, { state }) =>
    Effect.gen(function* () {
      const followUpFound =
        data.followUp !== undefined &&
        state.status !== "not-submitted" &&
        (yield* referenceConcerns(yield* EventStore, data.followUp, state.initiativeId));
      return { type: "AnswerSignal", data: { ...data, followUpFound } };
    }),
};

/** A lead may withdraw any signal of an initiative they may submit for, not only their own. */
export const withdrawSignal: SignalSpec<OnSignal<z.infer<typeof WithdrawSignalInput>>> = {
  ...onSignal,
  name: "WithdrawSignal",
  roles: ["core-team", "initiative-lead"],
  scope: (principal, _input, state) => actsFor(principal, state.status === "not-submitted" ? [] : [state.initiativeId]),
  toCommand: ({ reason }) => Effect.succeed({ type: "WithdrawSignal", data: { reason } }),
};

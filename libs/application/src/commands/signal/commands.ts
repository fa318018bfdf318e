import {
  ClauseNotInMandate,
  FollowUpNotFound,
  InitiativeClosed,
  initiativeDecider,
  initiativeFacts,
  InitiativeNotRegistered,
  initiativeStream,
  MandateAdjustmentNeedsAmendment,
  MandateAdjustmentNeedsMandate,
  MandateNotFound,
  SignalAlreadyAnswered,
  type SignalCommand,
  signalDecider,
  type SignalEvent,
  signalEvents,
  SignalObservedInFuture,
  type SignalState,
  signalStream,
  SignalWithdrawnError,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import { type CommandSpec, inNewStream } from "../../command-spec.js";
import { actsForInitiatives } from "../../facts/leads.js";
import { amendmentTriggeredBySignal } from "../../facts/amendments.js";
import { referenceConcerns } from "../../facts/references.js";
import { loadState } from "../../read-state.js";
import { AcknowledgeSignalInput, AnswerSignalInput, SubmitSignalInput, WithdrawSignalInput } from "./inputs.js";

type SignalSpec<Input extends z.ZodObject> = CommandSpec<Input, SignalCommand, SignalEvent, SignalState>;

const signalStreamOf = {
  decider: signalDecider,
  events: signalEvents,
} as const;

/** Every command on a submitted signal names it, and can meet it withdrawn. */
const onSignal = {
  ...signalStreamOf,
  creates: "nothing",
  target: ({ signalId }: { readonly signalId: string }) => ({ streamId: signalStream(signalId), resourceId: signalId }),
} as const;

export const submitSignal: SignalSpec<typeof SubmitSignalInput> = {
  ...signalStreamOf,
  name: "SubmitSignal",
  input: SubmitSignalInput,
  roles: ["core-team", "initiative-lead"],
  scope: (principal, input) => actsForInitiatives(principal, [input.initiativeId]),
  creates: "stream",
  rules: [InitiativeNotRegistered, InitiativeClosed, SignalObservedInFuture, MandateNotFound, ClauseNotInMandate],
  target: inNewStream(signalStream),
  toCommand: (input, { today }) =>
    Effect.gen(function* () {
      const { state } = yield* loadState(yield* EventStore, initiativeStream(input.initiativeId), initiativeDecider);
      return { type: "SubmitSignal", data: { ...input, initiative: initiativeFacts(state), today } };
    }),
};

export const acknowledgeSignal: SignalSpec<typeof AcknowledgeSignalInput> = {
  ...onSignal,
  name: "AcknowledgeSignal",
  input: AcknowledgeSignalInput,
  roles: ["core-team"],
  rules: [SignalWithdrawnError],
  toCommand: (_input, { today }) => Effect.succeed({ type: "AcknowledgeSignal", data: { on: today } }),
};

export const answerSignal: SignalSpec<typeof AnswerSignalInput> = {
  ...onSignal,
  name: "AnswerSignal",
  input: AnswerSignalInput,
  roles: ["core-team"],
  rules: [
    SignalWithdrawnError,
    SignalAlreadyAnswered,
    MandateAdjustmentNeedsMandate,
    FollowUpNotFound,
    MandateAdjustmentNeedsAmendment,
  ],
  toCommand: ({ signalId, ...data }, { state }) =>
    Effect.gen(function* () {
      const store = yield* EventStore;
      const submitted = state.status !== "not-submitted";
      const followUpFound =
        data.followUp !== undefined && submitted && (yield* referenceConcerns(store, data.followUp, state.initiativeId));
      const amendmentTriggered =
        followUpFound && submitted && (yield* amendmentTriggeredBySignal(store, data.followUp, state.initiativeId, signalId));
      return { type: "AnswerSignal", data: { ...data, followUpFound, amendmentTriggeredBySignal: amendmentTriggered } };
    }),
};

/** A lead may withdraw any signal of an initiative they may submit for, not only their own. */
export const withdrawSignal: SignalSpec<typeof WithdrawSignalInput> = {
  ...onSignal,
  name: "WithdrawSignal",
  input: WithdrawSignalInput,
  roles: ["core-team", "initiative-lead"],
  rules: [SignalWithdrawnError, SignalAlreadyAnswered],
  scope: (principal, _input, state) =>
    actsForInitiatives(principal, state.status === "not-submitted" ? [] : [state.initiativeId]),
  toCommand: ({ reason }) => Effect.succeed({ type: "WithdrawSignal", data: { reason } }),
};

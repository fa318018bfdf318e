import { z } from "zod";
import type { InitiativeState } from "../initiative/state.js";
import type { CommandRecording } from "../shared/decider.js";
import { type SignalEventOf, signalEvents as events } from "./events.js";

// HTTP bodies. The signal id is minted by the application (submit) or taken from the path.
export const SubmitSignalInput = events.SignalSubmitted.schema;
/** The acknowledgement carries nothing: the application dates it today. */
export const AcknowledgeSignalInput = z.strictObject({});
export const AnswerSignalInput = events.SignalAnswered.schema;
export const WithdrawSignalInput = events.SignalWithdrawn.schema;

/** Fact: the initiative's current state (unregistered when it has no stream). */
interface InitiativeFacts {
  readonly initiative: InitiativeState;
}

/** Fact: the follow-up, when named, is a mandate or a tension of the signal's initiative. */
interface FollowUpFacts {
  readonly followUpFound: boolean;
}

export type SignalCommand =
  | CommandRecording<"SubmitSignal", SignalEventOf<"SignalSubmitted">, InitiativeFacts>
  | CommandRecording<"AcknowledgeSignal", SignalEventOf<"SignalAcknowledged">>
  | CommandRecording<"AnswerSignal", SignalEventOf<"SignalAnswered">, FollowUpFacts>
  | CommandRecording<"WithdrawSignal", SignalEventOf<"SignalWithdrawn">>;

export type SignalCommandOf<Type extends SignalCommand["type"]> = Extract<SignalCommand, { type: Type }>;

import { z } from "zod";
import type { InitiativeState } from "../initiative/state.js";
import { type SignalEvent, type SignalEventOf, signalEvents as events } from "./events.js";

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

type Data<Type extends SignalEvent["type"]> = SignalEventOf<Type>["data"];

export type SignalCommand =
  | { readonly type: "SubmitSignal"; readonly data: Data<"SignalSubmitted"> & InitiativeFacts }
  | { readonly type: "AcknowledgeSignal"; readonly data: Data<"SignalAcknowledged"> }
  | { readonly type: "AnswerSignal"; readonly data: Data<"SignalAnswered"> & FollowUpFacts }
  | { readonly type: "WithdrawSignal"; readonly data: Data<"SignalWithdrawn"> };

export type SignalCommandOf<Type extends SignalCommand["type"]> = Extract<SignalCommand, { type: Type }>;

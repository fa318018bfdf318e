import type { InitiativeFacts as InitiativeFactsRecord } from "../initiative/facts.js";
import type { CommandRecording } from "../shared/decider.js";
import type { Today } from "../shared/dated-by-today.js";
import type { SignalEventOf } from "./events.js";

/** Fact: what the signal's initiative is now (unregistered when it has no stream). */
interface InitiativeFacts {
  readonly initiative: InitiativeFactsRecord;
}

/**
 * Facts: the follow-up, when named, is a mandate or a tension of the signal's initiative;
 * the amendment it cites, when it cites one, is a `MandateAmended` of that mandate whose
 * `triggeredBy` is this signal.
 */
interface FollowUpFacts {
  readonly followUpFound: boolean;
  readonly amendmentTriggeredBySignal: boolean;
}

export type SignalCommand =
  | CommandRecording<"SubmitSignal", SignalEventOf<"SignalSubmitted">, InitiativeFacts & Today>
  | CommandRecording<"AcknowledgeSignal", SignalEventOf<"SignalAcknowledged">>
  | CommandRecording<"AnswerSignal", SignalEventOf<"SignalAnswered">, FollowUpFacts>
  | CommandRecording<"WithdrawSignal", SignalEventOf<"SignalWithdrawn">>;

export type SignalCommandOf<Type extends SignalCommand["type"]> = Extract<SignalCommand, { type: Type }>;

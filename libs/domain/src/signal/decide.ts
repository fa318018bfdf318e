import { rejectClosed } from "../initiative/facts.js";
import { ClauseNotInMandate, InitiativeNotRegistered, MandateNotFound } from "../initiative/errors.js";
import { clausesOf, termsOn } from "../initiative/mandate-terms.js";
import { isInForceOn } from "../initiative/mandate-validity.js";
import { assertNever } from "../shared/assert-never.js";
import { rejectAfterToday } from "../shared/dated-by-today.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import type { SignalCommand, SignalCommandOf } from "./commands.js";
import {
  FollowUpNotFound,
  MandateAdjustmentNeedsAmendment,
  MandateAdjustmentNeedsMandate,
  SignalAlreadyAnswered,
  SignalAlreadySubmitted,
  SignalNotSubmitted,
  SignalObservedInFuture,
  SignalWithdrawnError,
} from "./errors.js";
import type { SignalEvent } from "./events.js";
import type { SignalState } from "./state.js";

type SignalDecision = Decision<SignalEvent>;

export const decideSignal = (command: SignalCommand, state: SignalState): SignalDecision => {
  if (command.type === "SubmitSignal") return submit(command, state);
  if (state.status === "not-submitted") return reject(new SignalNotSubmitted({ detail: "Submit the signal first" }));
  if (state.status === "withdrawn") return reject(new SignalWithdrawnError({ detail: "The signal was withdrawn" }));
  switch (command.type) {
    case "AcknowledgeSignal":
      // An answer already tells the initiative its signal was seen; a late acknowledgement adds nothing.
      return state.acknowledged || state.status === "answered"
        ? accept()
        : accept({ type: "SignalAcknowledged", data: command.data });
    case "AnswerSignal":
      return state.status === "answered" ? alreadyAnswered() : answer(command);
    case "WithdrawSignal":
      return state.status === "answered" ? alreadyAnswered() : accept({ type: "SignalWithdrawn", data: command.data });
    default:
      return assertNever(command, "signal command");
  }
};

const alreadyAnswered = (): SignalDecision =>
  reject(new SignalAlreadyAnswered({ detail: "The Core Team has already answered this signal" }));

const submit = (command: SignalCommandOf<"SubmitSignal">, state: SignalState): SignalDecision => {
  if (state.status !== "not-submitted") return reject(new SignalAlreadySubmitted({ detail: "This signal id is taken" }));
  const { initiative, today, ...data } = command.data;
  if (initiative.status === "unregistered") {
    return reject(new InitiativeNotRegistered({ detail: `Initiative ${data.initiativeId} is not registered` }));
  }
  if (initiative.status === "closed") return rejectClosed(initiative);
  const ahead = rejectAfterToday(data.observedOn, today, SignalObservedInFuture);
  if (ahead) return ahead;
  const mandate = data.mandateId === undefined ? undefined : initiative.mandates.get(data.mandateId);
  if (data.mandateId !== undefined && mandate === undefined) {
    return reject(new MandateNotFound({ detail: `${initiative.name} has no mandate ${data.mandateId}` }));
  }
  if (data.clauseId !== undefined) {
    // clause-not-in-mandate: the clause is one of the cited mandate's terms as they stood when
    // the signal was observed, on a day the mandate was in force (a mandate not yet valid,
    // ended or revoked then had no terms to be at the edge of).
    const inForce = mandate !== undefined && isInForceOn(mandate, data.observedOn);
    const terms = inForce ? termsOn(mandate.granted, mandate.amendments, data.observedOn) : undefined;
    const cited = terms && clausesOf(terms).some((clause) => clause.id === data.clauseId);
    if (!cited) {
      return reject(
        new ClauseNotInMandate({
          detail:
            data.mandateId === undefined
              ? `Name the mandate whose clause ${data.clauseId} the signal cites: mandateId`
              : mandate && !inForce
                ? `Clause ${data.clauseId}: mandate ${data.mandateId} is not in force on ${data.observedOn}`
                : `Clause ${data.clauseId} is not among the terms of mandate ${data.mandateId} on ${data.observedOn}`,
        }),
      );
    }
  }
  return accept({ type: "SignalSubmitted", data });
};

const answer = (command: SignalCommandOf<"AnswerSignal">): SignalDecision => {
  const { followUpFound, amendmentTriggeredBySignal, ...data } = command.data;
  const { followUp } = data;
  if (data.outcome === "mandate-adjusted" && (followUp === undefined || !("mandateId" in followUp))) {
    return reject(new MandateAdjustmentNeedsMandate({ detail: "Name the adjusted mandate: followUp { mandateId }" }));
  }
  if (followUp !== undefined && !followUpFound) {
    return reject(new FollowUpNotFound({ detail: `${JSON.stringify(followUp)} does not concern the signal's initiative` }));
  }
  // The adjustment is a recorded amendment, not a claim: cited whenever the outcome says so, checked whenever cited.
  if (followUp !== undefined && "mandateId" in followUp) {
    if (followUp.amendment === undefined && data.outcome === "mandate-adjusted") {
      return reject(
        new MandateAdjustmentNeedsAmendment({
          detail: "Cite the amendment that adjusted the mandate: followUp { mandateId, amendment: <its revision> }",
        }),
      );
    }
    if (followUp.amendment !== undefined && !amendmentTriggeredBySignal) {
      return reject(
        new MandateAdjustmentNeedsAmendment({
          detail: `Revision ${followUp.amendment} of the initiative is no amendment of mandate ${followUp.mandateId} triggered by this signal`,
        }),
      );
    }
  }
  return accept({ type: "SignalAnswered", data });
};

import { rejectUnregisteredInitiatives } from "../initiative/named-initiatives.js";
import { DecisionNotFound } from "../meeting/errors.js";
import { OrganisationNotRegistered } from "../organisation/errors.js";
import type { DecisionKind } from "../meeting/events.js";
import { assertNever } from "../shared/assert-never.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import type { BudgetLineId, DecisionRef } from "../shared/schema-primitives.js";
import type { BudgetCommand } from "./commands.js";
import {
  BudgetAlreadyApproved,
  BudgetAlreadyProposed,
  BudgetDecisionKind,
  BudgetLineNotFound,
  BudgetNotApproved,
  BudgetNotProposed,
  CitationNotFound,
  ContributionOutsideBudgetYear,
  ContributionPeriodInvalid,
  ExternalFundingAlreadyDecided,
  ExternalFundingNotFound,
} from "./errors.js";
import type { BudgetEvent, ExternalFundingId } from "./events.js";
import type { BudgetState } from "./state.js";

const rejectUnlessBudgetDecision = (decision: DecisionRef, kind: DecisionKind | undefined): Decision<never> | undefined => {
  if (kind === undefined) {
    return reject(new DecisionNotFound({ detail: `Meeting ${decision.meetingId} records no decision ${decision.decisionId}` }));
  }
  return kind === "budget"
    ? undefined
    : reject(new BudgetDecisionKind({ detail: `Decision ${decision.decisionId} is a ${kind} decision` }));
};

/** External funding is linked only to a line in force now (the proposal's, or the latest amendment's). */
const rejectUnlessLineInForce = (state: BudgetState, lineId: BudgetLineId | undefined): Decision<never> | undefined =>
  lineId === undefined || state.lineIds.includes(lineId)
    ? undefined
    : reject(new BudgetLineNotFound({ detail: `No budget line ${lineId} is in force` }));

const unknownFunding = (fundingId: ExternalFundingId) =>
  new ExternalFundingNotFound({ detail: `No external funding ${fundingId} with that id is recorded` });

export const decideBudget = (command: BudgetCommand, state: BudgetState): Decision<BudgetEvent> => {
  if (command.type === "ProposeBudget") {
    if (state.status !== "unproposed") {
      return reject(new BudgetAlreadyProposed({ detail: `The ${command.data.year} budget is already proposed` }));
    }
    const { unregisteredInitiatives, ...data } = command.data;
    return rejectUnregisteredInitiatives({ unregisteredInitiatives }) ?? accept({ type: "BudgetProposed", data });
  }
  if (state.status === "unproposed") return reject(new BudgetNotProposed({ detail: "Propose the budget first" }));
  switch (command.type) {
    case "ApproveBudget": {
      if (state.status === "approved") {
        return reject(new BudgetAlreadyApproved({ detail: "The budget is approved; amend it instead" }));
      }
      const { decisionKind, ...data } = command.data;
      return rejectUnlessBudgetDecision(data.decision, decisionKind) ?? accept({ type: "BudgetApproved", data });
    }
    case "AmendBudget": {
      if (state.status !== "approved") {
        return reject(new BudgetNotApproved({ detail: "The budget is proposed, not yet approved" }));
      }
      const { decisionKind, unregisteredInitiatives, ...data } = command.data;
      return (
        rejectUnlessBudgetDecision(data.decision, decisionKind) ??
        rejectUnregisteredInitiatives({ unregisteredInitiatives }) ??
        accept({ type: "BudgetAmended", data })
      );
    }
    case "RecordExternalFunding": {
      const { unregisteredInitiatives, ...data } = command.data;
      return (
        rejectUnregisteredInitiatives({ unregisteredInitiatives }) ??
        rejectUnlessLineInForce(state, data.lineId) ??
        accept({ type: "ExternalFundingRecorded", data })
      );
    }
    case "ChangeExternalFundingStatus": {
      const { fundingId } = command.data;
      const status = state.externalFunding.get(fundingId)?.status;
      if (status === undefined) return reject(unknownFunding(fundingId));
      return status === "applied"
        ? accept({ type: "ExternalFundingStatusChanged", data: command.data })
        : reject(new ExternalFundingAlreadyDecided({ detail: `External funding ${fundingId} is already ${status}` }));
    }
    case "LinkExternalFunding": {
      const { fundingId, lineId } = command.data;
      const funding = state.externalFunding.get(fundingId);
      if (funding === undefined) return reject(unknownFunding(fundingId));
      // Linked to that line already: nothing changes, nothing is recorded.
      if (funding.lineId === lineId) return accept();
      return rejectUnlessLineInForce(state, lineId) ?? accept({ type: "ExternalFundingLinked", data: command.data });
    }
    case "RecordContributionInKind": {
      const { unregisteredInitiatives, organisationRegistered, ...data } = command.data;
      if (!organisationRegistered) {
        return reject(new OrganisationNotRegistered({ detail: `Organisation ${data.organisationId} is not registered` }));
      }
      const rejected = rejectUnregisteredInitiatives({ unregisteredInitiatives });
      if (rejected) return rejected;
      if (data.periodTo < data.periodFrom) {
        return reject(new ContributionPeriodInvalid({ detail: `${data.periodTo} is before ${data.periodFrom}` }));
      }
      const year = String(state.year);
      return data.periodFrom.startsWith(year) && data.periodTo.startsWith(year)
        ? accept({ type: "ContributionInKindRecorded", data })
        : reject(new ContributionOutsideBudgetYear({ detail: `${data.periodFrom} to ${data.periodTo} is not within ${year}` }));
    }
    case "RecordValueReflection": {
      const { unregisteredInitiatives, citationsNotFound, ...data } = command.data;
      return (
        rejectUnregisteredInitiatives({ unregisteredInitiatives }) ??
        (citationsNotFound.length > 0
          ? reject(
              new CitationNotFound({
                detail: `Not ${data.initiativeId === undefined ? "cited with an initiative" : `of ${data.initiativeId}`}: ${citationsNotFound.join(", ")}`,
              }),
            )
          : accept({ type: "ValueReflectionRecorded", data }))
      );
    }
    default:
      return assertNever(command, "budget command");
  }
};

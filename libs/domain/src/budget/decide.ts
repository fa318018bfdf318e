import { rejectUnregisteredInitiatives } from "../initiative/named-initiatives.js";
import { DecisionNotFound } from "../meeting/errors.js";
import type { DecisionKind } from "../meeting/events.js";
import { assertNever } from "../shared/assert-never.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import type { DecisionRef } from "../shared/schema-primitives.js";
import type { BudgetCommand } from "./commands.js";
import {
  BudgetAlreadyApproved,
  BudgetAlreadyProposed,
  BudgetDecisionKind,
  BudgetNotApproved,
  BudgetNotProposed,
} from "./errors.js";
import type { BudgetEvent } from "./events.js";
import type { BudgetState } from "./state.js";

const rejectUnlessBudgetDecision = (decision: DecisionRef, kind: DecisionKind | undefined): Decision<never> | undefined => {
  if (kind === undefined) {
    return reject(new DecisionNotFound({ detail: `Meeting ${decision.meetingId} records no decision ${decision.decisionId}` }));
  }
  return kind === "budget"
    ? undefined
    : reject(new BudgetDecisionKind({ detail: `Decision ${decision.decisionId} is a ${kind} decision` }));
};

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
      return rejectUnregisteredInitiatives({ unregisteredInitiatives }) ?? accept({ type: "ExternalFundingRecorded", data });
    }
    case "RecordValueReflection": {
      const { unregisteredInitiatives, ...data } = command.data;
      return rejectUnregisteredInitiatives({ unregisteredInitiatives }) ?? accept({ type: "ValueReflectionRecorded", data });
    }
    default:
      return assertNever(command, "budget command");
  }
};

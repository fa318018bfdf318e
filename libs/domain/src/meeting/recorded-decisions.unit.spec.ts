import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { budgetDecider } from "../budget/decider.js";
import { BudgetDecisionKind } from "../budget/errors.js";
import type { BudgetEvent } from "../budget/events.js";
import { fold } from "../shared/decider.js";
import type { BudgetLineId, DecisionId, DecisionRef, FocusArea, MeetingId, PersonId } from "../shared/schema-primitives.js";
import { meetingDecider } from "./decider.js";
import { DecisionNotFound } from "./errors.js";
import type { DecisionKind, MeetingEvent } from "./events.js";

// A meeting's fold of DecisionRecorded is what the rules of other streams see of a cited
// decision: the application reads the kind from it (libs/application facts/decisions.ts)
// and the budget decider refuses an approval that does not cite a budget decision. These
// specs fold the meeting and hand the kind on as the application does.

const meetingId = "2f1e0d9c-8b7a-4655-9443-3221f0e0d001" as MeetingId;
const budgetDecision = "2f1e0d9c-8b7a-4655-9443-3221f0e0d002" as DecisionId;
const mandateDecision = "2f1e0d9c-8b7a-4655-9443-3221f0e0d003" as DecisionId;
const anna = "2f1e0d9c-8b7a-4655-9443-3221f0e0d004" as PersonId;

const held: MeetingEvent = {
  type: "MeetingHeld",
  data: {
    body: "core-team",
    focusArea: "alla-barn-och-unga-lyckas" as FocusArea,
    heldOn: "2024-09-19",
    attendees: [anna],
    absentees: [],
    agenda: ["Budget 2025", "Mandat"],
  },
};
const recorded = (decisionId: DecisionId, kind: DecisionKind): MeetingEvent => ({
  type: "DecisionRecorded",
  data: { decisionId, subject: "Beslut", decision: "Beslutet", kind },
});
const approved: MeetingEvent = { type: "MinutesApproved", data: { on: "2024-09-26" } };

/** The kind the meeting's fold remembers for a decision; undefined where it remembers none. */
const kindOf = (history: ReadonlyArray<MeetingEvent>, decisionId: DecisionId): DecisionKind | undefined => {
  const state = fold(meetingDecider, history);
  return "decisions" in state ? state.decisions.get(decisionId) : undefined;
};

describe("the decisions a meeting records", () => {
  it("are known by their kind", () => {
    const history = [held, recorded(budgetDecision, "budget"), recorded(mandateDecision, "mandate")];
    expect(kindOf(history, budgetDecision)).toBe("budget");
    expect(kindOf(history, mandateDecision)).toBe("mandate");
  });
  it("stay known once the minutes are approved", () => {
    const history = [held, recorded(budgetDecision, "budget"), approved];
    expect(fold(meetingDecider, history).status).toBe("approved");
    expect(kindOf(history, budgetDecision)).toBe("budget");
  });
  it("are not made up for a decision the meeting did not record", () =>
    expect(kindOf([held, recorded(mandateDecision, "mandate")], budgetDecision)).toBeUndefined());
  it("do not include one recorded before the meeting was held", () => {
    expect(fold(meetingDecider, [recorded(budgetDecision, "budget")]).status).toBe("not-held");
    expect(kindOf([recorded(budgetDecision, "budget"), held], budgetDecision)).toBeUndefined();
  });
});

describe("a budget approval citing a meeting's decision", () => {
  const budget = deciderSpec(budgetDecider);
  const proposed: BudgetEvent = {
    type: "BudgetProposed",
    data: {
      year: 2025,
      lines: [{ lineId: "2f1e0d9c-8b7a-4655-9443-3221f0e0d005" as BudgetLineId, purpose: "Processledning", amountSek: 1 }],
    },
  };
  const approve = (history: ReadonlyArray<MeetingEvent>, decisionId: DecisionId) => {
    const decision: DecisionRef = { meetingId, decisionId };
    return { type: "ApproveBudget", data: { decision, decisionKind: kindOf(history, decisionId) } } as const;
  };

  it("is accepted when the meeting recorded a budget decision", () =>
    budget
      .given([proposed])
      .when(approve([held, recorded(budgetDecision, "budget")], budgetDecision))
      .then([{ type: "BudgetApproved", data: { decision: { meetingId, decisionId: budgetDecision } } }]));
  it("is rejected when the decision is of another kind", () =>
    budget
      .given([proposed])
      .when(approve([held, recorded(mandateDecision, "mandate")], mandateDecision))
      .thenRejects(BudgetDecisionKind, mandateDecision, "mandate"));
  it("is rejected when the meeting recorded no such decision", () =>
    budget
      .given([proposed])
      .when(approve([held], budgetDecision))
      .thenRejects(DecisionNotFound, meetingId, budgetDecision));
});

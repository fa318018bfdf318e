import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { DecisionNotFound } from "../meeting/errors.js";
import { fold } from "../shared/decider.js";
import type { BudgetLineId, DecisionId, DecisionRef, InitiativeId, MeetingId } from "../shared/schema-primitives.js";
import type { BudgetCommand } from "./commands.js";
import { budgetDecider } from "./decider.js";
import {
  BudgetAlreadyApproved,
  BudgetAlreadyProposed,
  BudgetDecisionKind,
  BudgetNotApproved,
  BudgetNotProposed,
} from "./errors.js";
import type { BudgetEvent, BudgetLine } from "./events.js";
import { approvedTotalSek } from "./state.js";

const spec = deciderSpec(budgetDecider);
const initiativeId = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a01" as InitiativeId;
const decision: DecisionRef = {
  meetingId: "7e6d5c4b-3a29-4817-8f6e-5d4c3b2a1901" as MeetingId,
  decisionId: "7e6d5c4b-3a29-4817-8f6e-5d4c3b2a1902" as DecisionId,
};
const line = (n: number, purpose: string, amountSek: number): BudgetLine => ({
  lineId: `1d2c3b4a-5f6e-4a8b-9c0d-1e2f3a4b${n.toString().padStart(4, "0")}` as BudgetLineId,
  purpose,
  amountSek,
});

const proposed = {
  type: "BudgetProposed",
  data: {
    year: 2025,
    lines: [line(1, "Processledning", 400_000), { ...line(2, "Läxhjälp", 250_000), initiativeId }],
  },
} as const satisfies BudgetEvent;
const approved: BudgetEvent = { type: "BudgetApproved", data: { decision } };
const amended = {
  type: "BudgetAmended",
  data: { lines: [line(3, "Processledning", 300_000)], reason: "Lägre lönekostnad", decision },
} as const satisfies BudgetEvent;

const approve = (decisionKind: "budget" | "mandate" | undefined) =>
  ({ type: "ApproveBudget", data: { decision, decisionKind } }) as const satisfies BudgetCommand;
const amend = (decisionKind: "budget" | "mandate" | undefined) =>
  ({ type: "AmendBudget", data: { ...amended.data, decisionKind } }) as const satisfies BudgetCommand;
const fund = {
  type: "RecordExternalFunding",
  data: { source: "Allmänna arvsfonden", amountSek: 500_000, initiativeId, on: "2025-02-01" },
} as const satisfies BudgetCommand;
const reflect = {
  type: "RecordValueReflection",
  data: { reflection: "Läxhjälpen nådde fler elever än väntat", valueRating: 4, on: "2025-12-15" },
} as const satisfies BudgetCommand;

describe("ProposeBudget", () => {
  const propose = { type: "ProposeBudget", data: proposed.data } as const satisfies BudgetCommand;
  it("proposes the year's budget", () => spec.given([]).when(propose).then([proposed]));
  it("rejects a second proposal", () => spec.given([proposed]).when(propose).thenRejects(BudgetAlreadyProposed));
  it("rejects a proposal once approved", () =>
    spec.given([proposed, approved]).when(propose).thenRejects(BudgetAlreadyProposed));
});

describe("ApproveBudget", () => {
  it("approves the budget by a budget decision", () => spec.given([proposed]).when(approve("budget")).then([approved]));
  it("rejects approving twice", () =>
    spec.given([proposed, approved]).when(approve("budget")).thenRejects(BudgetAlreadyApproved));
  it("rejects a decision of another kind", () =>
    spec.given([proposed]).when(approve("mandate")).thenRejects(BudgetDecisionKind));
  it("rejects a decision no meeting recorded", () =>
    spec.given([proposed]).when(approve(undefined)).thenRejects(DecisionNotFound));
});

describe("AmendBudget", () => {
  it("amends an approved budget by a budget decision", () =>
    spec.given([proposed, approved]).when(amend("budget")).then([amended]));
  it("takes further amendments", () =>
    spec.given([proposed, approved, amended]).when(amend("budget")).then([amended]));
  it("rejects amending a budget that is not approved", () =>
    spec.given([proposed]).when(amend("budget")).thenRejects(BudgetNotApproved));
  it("rejects a decision of another kind", () =>
    spec.given([proposed, approved]).when(amend("mandate")).thenRejects(BudgetDecisionKind));
  it("rejects a decision no meeting recorded", () =>
    spec.given([proposed, approved]).when(amend(undefined)).thenRejects(DecisionNotFound));
});

describe("RecordExternalFunding", () => {
  it("records external funding", () =>
    spec.given([proposed]).when(fund).then([{ type: "ExternalFundingRecorded", data: fund.data }]));
});

describe("RecordValueReflection", () => {
  it("records a reflection on value", () =>
    spec.given([proposed, approved]).when(reflect).then([{ type: "ValueReflectionRecorded", data: reflect.data }]));
});

describe.each<BudgetCommand>([approve("budget"), amend("budget"), fund, reflect])("$type", (command) => {
  it("needs a proposed budget", () => spec.given([]).when(command).thenRejects(BudgetNotProposed));
});

describe("approvedTotalSek", () => {
  const total = (events: ReadonlyArray<BudgetEvent>) => approvedTotalSek(fold(budgetDecider, events));
  it("is undefined until the budget is approved", () => expect(total([proposed])).toBeUndefined());
  it("sums the approved lines", () => expect(total([proposed, approved])).toBe(650_000));
  it("sums the lines as the latest amendment left them", () =>
    expect(total([proposed, approved, amended])).toBe(300_000));
});

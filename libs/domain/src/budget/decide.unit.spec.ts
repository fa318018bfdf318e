import { Either } from "effect";
import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { InitiativeNotRegistered } from "../initiative/errors.js";
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
import { type BudgetEvent, type BudgetLine, budgetEvents } from "./events.js";

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

/** The application's fact: which named initiatives are not registered (by default, none). */
type Unregistered = ReadonlyArray<InitiativeId>;

const propose = (unregisteredInitiatives: Unregistered = []) =>
  ({ type: "ProposeBudget", data: { ...proposed.data, unregisteredInitiatives } }) as const satisfies BudgetCommand;
const approve = (decisionKind: "budget" | "mandate" | undefined) =>
  ({ type: "ApproveBudget", data: { decision, decisionKind } }) as const satisfies BudgetCommand;
const amend = (decisionKind: "budget" | "mandate" | undefined, unregisteredInitiatives: Unregistered = []) =>
  ({
    type: "AmendBudget",
    data: { ...amended.data, decisionKind, unregisteredInitiatives },
  }) as const satisfies BudgetCommand;
const funding = { source: "Allmänna arvsfonden", amountSek: 500_000, initiativeId, on: "2025-02-01" } as const;
const fund = (unregisteredInitiatives: Unregistered = []) =>
  ({
    type: "RecordExternalFunding",
    data: { ...funding, unregisteredInitiatives },
  }) as const satisfies BudgetCommand;
const reflection = {
  reflection: "Läxhjälpen nådde fler elever än väntat",
  valueRating: 4,
  initiativeId,
  on: "2025-12-15",
} as const;
const reflect = (unregisteredInitiatives: Unregistered = []) =>
  ({
    type: "RecordValueReflection",
    data: { ...reflection, unregisteredInitiatives, citationsNotFound: [] },
  }) as const satisfies BudgetCommand;

describe("ProposeBudget", () => {
  it("proposes the year's budget", () => spec.given([]).when(propose()).then([proposed]));
  it("rejects a second proposal", () => spec.given([proposed]).when(propose()).thenRejects(BudgetAlreadyProposed, "2025"));
  it("rejects a proposal once approved", () =>
    spec.given([proposed, approved]).when(propose()).thenRejects(BudgetAlreadyProposed));
  it("rejects a line naming an initiative that is not registered", () =>
    spec
      .given([])
      .when(propose([initiativeId]))
      .thenRejects(InitiativeNotRegistered, initiativeId));
});

describe("ApproveBudget", () => {
  it("approves the budget by a budget decision", () => spec.given([proposed]).when(approve("budget")).then([approved]));
  it("rejects approving twice", () =>
    spec.given([proposed, approved]).when(approve("budget")).thenRejects(BudgetAlreadyApproved));
  it("rejects a decision of another kind", () =>
    spec.given([proposed]).when(approve("mandate")).thenRejects(BudgetDecisionKind, decision.decisionId, "mandate"));
  it("rejects a decision no meeting recorded", () =>
    spec.given([proposed]).when(approve(undefined)).thenRejects(DecisionNotFound, decision.meetingId, decision.decisionId));
});

describe("AmendBudget", () => {
  it("amends an approved budget by a budget decision", () =>
    spec.given([proposed, approved]).when(amend("budget")).then([amended]));
  it("takes further amendments", () => spec.given([proposed, approved, amended]).when(amend("budget")).then([amended]));
  it("is still amended after funding and reflections were recorded, which leave it approved", () =>
    spec
      .given([
        proposed,
        approved,
        { type: "ExternalFundingRecorded", data: funding },
        { type: "ValueReflectionRecorded", data: reflection },
      ])
      .when(amend("budget"))
      .then([amended]));
  it("rejects amending a budget that is not approved", () =>
    spec.given([proposed]).when(amend("budget")).thenRejects(BudgetNotApproved));
  it("rejects a decision of another kind", () =>
    spec.given([proposed, approved]).when(amend("mandate")).thenRejects(BudgetDecisionKind, decision.decisionId, "mandate"));
  it("rejects a decision no meeting recorded", () =>
    spec
      .given([proposed, approved])
      .when(amend(undefined))
      .thenRejects(DecisionNotFound, decision.meetingId, decision.decisionId));
  it("rejects a line naming an initiative that is not registered", () =>
    spec
      .given([proposed, approved])
      .when(amend("budget", [initiativeId]))
      .thenRejects(InitiativeNotRegistered, initiativeId));
});

describe("RecordExternalFunding", () => {
  it("records external funding", () =>
    spec
      .given([proposed])
      .when(fund())
      .then([{ type: "ExternalFundingRecorded", data: funding }]));
  it("rejects funding for an initiative that is not registered", () =>
    spec
      .given([proposed])
      .when(fund([initiativeId]))
      .thenRejects(InitiativeNotRegistered, initiativeId));
});

describe("RecordValueReflection", () => {
  it("records a reflection on value", () =>
    spec
      .given([proposed, approved])
      .when(reflect())
      .then([{ type: "ValueReflectionRecorded", data: reflection }]));
  it("rejects a reflection on an initiative that is not registered", () =>
    spec
      .given([proposed, approved])
      .when(reflect([initiativeId]))
      .thenRejects(InitiativeNotRegistered, initiativeId));
});

describe.each<BudgetCommand>([approve("budget"), amend("budget"), fund(), reflect()])("$type", (command) => {
  it("needs a proposed budget", () => spec.given([]).when(command).thenRejects(BudgetNotProposed));
  it("needs a proposed budget even when an approval came first", () =>
    spec.given([approved]).when(command).thenRejects(BudgetNotProposed));
});

describe("the approved total, summed from the recorded events as the budgets read model does", () => {
  /** Decides each command on the events recorded before it, as the handler does. */
  const record = (commands: ReadonlyArray<BudgetCommand>) =>
    commands.reduce<ReadonlyArray<BudgetEvent>>(
      (events, command) => [...events, ...Either.getOrThrow(budgetDecider.decide(command, fold(budgetDecider, events)))],
      [],
    );
  const approvedTotal = (events: ReadonlyArray<BudgetEvent>) => {
    if (!events.some((event) => event.type === "BudgetApproved")) return undefined;
    const latestLines = events.flatMap((event) => ("lines" in event.data ? [event.data.lines] : [])).at(-1) ?? [];
    return latestLines.reduce((total, line) => total + line.amountSek, 0);
  };

  it("is undefined until the budget is approved", () => expect(approvedTotal(record([propose()]))).toBeUndefined());
  it("sums the approved lines", () => expect(approvedTotal(record([propose(), approve("budget")]))).toBe(650_000));
  it("sums the lines as the latest amendment left them", () =>
    expect(approvedTotal(record([propose(), approve("budget"), amend("budget")]))).toBe(300_000));
});

// Amounts and ratings are not checked in decide: the event schemas, which every input extends, enforce them.
describe("amountSek: whole kronor, never negative (event schemas)", () => {
  const lines = (amountSek: number) => [line(9, "Processledning", amountSek)];
  const parsers = {
    BudgetProposed: (amountSek: number) => budgetEvents.BudgetProposed.schema.safeParse({ year: 2025, lines: lines(amountSek) }),
    BudgetAmended: (amountSek: number) =>
      budgetEvents.BudgetAmended.schema.safeParse({ lines: lines(amountSek), reason: amended.data.reason, decision }),
    ExternalFundingRecorded: (amountSek: number) =>
      budgetEvents.ExternalFundingRecorded.schema.safeParse({ ...funding, amountSek }),
  };
  describe.each(Object.entries(parsers))("%s", (_type, parse) => {
    it.each([0, 400_000])("accepts %d", (value) => expect(parse(value).success).toBe(true));
    it.each([-1, 1.5])("rejects %d", (value) => expect(parse(value).success).toBe(false));
  });
});

describe("valueRating: an integer 1 to 5 (event schema)", () => {
  const withRating = (valueRating: number) =>
    budgetEvents.ValueReflectionRecorded.schema.safeParse({ ...reflection, valueRating }).success;
  it.each([1, 5])("accepts %d", (value) => expect(withRating(value)).toBe(true));
  it.each([0, 6, 2.5])("rejects %d", (value) => expect(withRating(value)).toBe(false));
});

import { describe, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { InitiativeNotRegistered } from "../initiative/errors.js";
import type { BudgetLineId, DecisionId, DecisionRef, InitiativeId, MeetingId } from "../shared/schema-primitives.js";
import type { BudgetCommand } from "./commands.js";
import { budgetDecider } from "./decider.js";
import { BudgetLineNotFound, BudgetNotProposed, ExternalFundingAlreadyDecided, ExternalFundingNotFound } from "./errors.js";
import type { BudgetEvent, ExternalFundingId } from "./events.js";

const spec = deciderSpec(budgetDecider);
const initiativeId = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a01" as InitiativeId;
const decision: DecisionRef = {
  meetingId: "7e6d5c4b-3a29-4817-8f6e-5d4c3b2a1901" as MeetingId,
  decisionId: "7e6d5c4b-3a29-4817-8f6e-5d4c3b2a1902" as DecisionId,
};
const lineId = (n: number) => `1d2c3b4a-5f6e-4a8b-9c0d-1e2f3a4b${n.toString().padStart(4, "0")}` as BudgetLineId;
const fundingId = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c01" as ExternalFundingId;
const otherFundingId = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c02" as ExternalFundingId;

const proposed: BudgetEvent = {
  type: "BudgetProposed",
  data: { year: 2025, lines: [{ lineId: lineId(1), purpose: "Testbädd Årby/Fröslunda", initiativeId, amountSek: 250_000 }] },
};
const approved: BudgetEvent = { type: "BudgetApproved", data: { decision } };
const amended: BudgetEvent = {
  type: "BudgetAmended",
  data: {
    lines: [{ lineId: lineId(2), purpose: "Testbädd Årby/Fröslunda", amountSek: 200_000 }],
    reason: "Ny fördelning",
    decision,
  },
};
const applied = {
  source: "Allmänna arvsfonden",
  amountSek: 500_000,
  initiativeId,
  on: "2025-02-01",
  fundingId,
  status: "applied",
} as const;
const appliedFor: BudgetEvent = { type: "ExternalFundingRecorded", data: applied };
/** Recorded before funding had an id and a status: money received. */
const legacyFunding: BudgetEvent = {
  type: "ExternalFundingRecorded",
  data: { source: "Statsbidrag", amountSek: 80_000, on: "2025-01-10" },
};

const record = (data: Partial<BudgetCommand["data"]> = {}, unregisteredInitiatives: ReadonlyArray<InitiativeId> = []) =>
  ({ type: "RecordExternalFunding", data: { ...applied, ...data, unregisteredInitiatives } }) as BudgetCommand;
const grant = (amountSek?: number) =>
  ({
    type: "ChangeExternalFundingStatus",
    data: { fundingId, status: "granted", on: "2025-04-01", ...(amountSek === undefined ? {} : { amountSek }) },
  }) as const satisfies BudgetCommand;
const rejectFunding = { type: "ChangeExternalFundingStatus", data: { fundingId, status: "rejected", on: "2025-04-01" } } as const;
const link = (to: BudgetLineId, id: ExternalFundingId = fundingId) =>
  ({ type: "LinkExternalFunding", data: { fundingId: id, lineId: to } }) as const satisfies BudgetCommand;

describe("RecordExternalFunding with a status and a budget line", () => {
  it("records funding applied for, linked to a line in force", () =>
    spec
      .given([proposed])
      .when(record({ lineId: lineId(1) }))
      .then([{ type: "ExternalFundingRecorded", data: { ...applied, lineId: lineId(1) } }]));
  it("records funding without a line", () => spec.given([proposed]).when(record()).then([appliedFor]));
  it("rejects a line the budget never had", () =>
    spec
      .given([proposed])
      .when(record({ lineId: lineId(7) }))
      .thenRejects(BudgetLineNotFound, lineId(7)));
  it("rejects a line an amendment replaced", () =>
    spec
      .given([proposed, approved, amended])
      .when(record({ lineId: lineId(1) }))
      .thenRejects(BudgetLineNotFound, lineId(1)));
  it("takes a line of the latest amendment", () =>
    spec
      .given([proposed, approved, amended])
      .when(record({ lineId: lineId(2) }))
      .then([{ type: "ExternalFundingRecorded", data: { ...applied, lineId: lineId(2) } }]));
  it("checks the initiative before the line", () =>
    spec
      .given([proposed])
      .when(record({ lineId: lineId(7) }, [initiativeId]))
      .thenRejects(InitiativeNotRegistered, initiativeId));
});

describe("ChangeExternalFundingStatus", () => {
  it("grants applied funding", () =>
    spec
      .given([proposed, appliedFor])
      .when(grant())
      .then([{ type: "ExternalFundingStatusChanged", data: grant().data }]));
  it("grants another amount than applied for", () =>
    spec
      .given([proposed, appliedFor])
      .when(grant(300_000))
      .then([{ type: "ExternalFundingStatusChanged", data: grant(300_000).data }]));
  it("rejects applied funding", () =>
    spec
      .given([proposed, appliedFor])
      .when(rejectFunding)
      .then([{ type: "ExternalFundingStatusChanged", data: rejectFunding.data }]));
  it("refuses to decide a granted funding again", () =>
    spec
      .given([proposed, appliedFor, { type: "ExternalFundingStatusChanged", data: grant().data }])
      .when(rejectFunding)
      .thenRejects(ExternalFundingAlreadyDecided, fundingId, "granted"));
  it("refuses to decide a rejected funding again", () =>
    spec
      .given([proposed, appliedFor, { type: "ExternalFundingStatusChanged", data: rejectFunding.data }])
      .when(grant())
      .thenRejects(ExternalFundingAlreadyDecided, fundingId, "rejected"));
  it("takes a funding recorded granted as decided", () =>
    spec
      .given([proposed, { type: "ExternalFundingRecorded", data: { ...applied, status: "granted" } }])
      .when(rejectFunding)
      .thenRejects(ExternalFundingAlreadyDecided, "granted"));
  it("takes a funding recorded without a status as granted", () =>
    spec
      .given([proposed, { type: "ExternalFundingRecorded", data: { ...legacyFunding.data, fundingId } } as BudgetEvent])
      .when(rejectFunding)
      .thenRejects(ExternalFundingAlreadyDecided, "granted"));
  it("rejects a funding the budget never recorded", () =>
    spec.given([proposed, legacyFunding]).when(grant()).thenRejects(ExternalFundingNotFound, fundingId));
  it("needs a proposed budget", () => spec.given([]).when(grant()).thenRejects(BudgetNotProposed));
});

describe("LinkExternalFunding", () => {
  it("links a funding to a line in force", () =>
    spec
      .given([proposed, appliedFor])
      .when(link(lineId(1)))
      .then([{ type: "ExternalFundingLinked", data: link(lineId(1)).data }]));
  it("records nothing when linked to that line already", () =>
    spec
      .given([proposed, { type: "ExternalFundingRecorded", data: { ...applied, lineId: lineId(1) } }])
      .when(link(lineId(1)))
      .then([]));
  it("moves a funding to the amendment's line", () =>
    spec
      .given([proposed, { type: "ExternalFundingRecorded", data: { ...applied, lineId: lineId(1) } }, approved, amended])
      .when(link(lineId(2)))
      .then([{ type: "ExternalFundingLinked", data: link(lineId(2)).data }]));
  it("rejects a line not in force", () =>
    spec
      .given([proposed, appliedFor, approved, amended])
      .when(link(lineId(1)))
      .thenRejects(BudgetLineNotFound, lineId(1)));
  it("rejects a funding the budget never recorded", () =>
    spec
      .given([proposed, appliedFor])
      .when(link(lineId(1), otherFundingId))
      .thenRejects(ExternalFundingNotFound, otherFundingId));
  it("links a granted or rejected funding too", () =>
    spec
      .given([proposed, appliedFor, { type: "ExternalFundingStatusChanged", data: rejectFunding.data }])
      .when(link(lineId(1)))
      .then([{ type: "ExternalFundingLinked", data: link(lineId(1)).data }]));
  it("records nothing when an earlier link made it that line's already", () =>
    spec
      .given([proposed, appliedFor, { type: "ExternalFundingLinked", data: link(lineId(1)).data }])
      .when(link(lineId(1)))
      .then([]));
  it("does not take a link of a funding never recorded as a recording", () =>
    spec
      .given([proposed, appliedFor, { type: "ExternalFundingLinked", data: link(lineId(1), otherFundingId).data }])
      .when(link(lineId(1), otherFundingId))
      .thenRejects(ExternalFundingNotFound, otherFundingId));
});

describe("events recorded before the proposal fold to nothing", () => {
  it("a funding and its status change", () =>
    spec
      .given([appliedFor, { type: "ExternalFundingStatusChanged", data: grant().data }, proposed])
      .when(grant())
      .thenRejects(ExternalFundingNotFound, fundingId));
});

import { describe, expect, it } from "vitest";
import { deciderSpec } from "../../testing/decider-spec.js";
import { InitiativeNotRegistered } from "../initiative/errors.js";
import { OrganisationNotRegistered } from "../organisation/errors.js";
import type { BudgetLineId, InitiativeId, OrganisationId } from "../shared/schema-primitives.js";
import type { BudgetCommand } from "./commands.js";
import { budgetDecider } from "./decider.js";
import { BudgetNotProposed, ContributionOutsideBudgetYear, ContributionPeriodInvalid } from "./errors.js";
import { type BudgetEvent, type ContributionId, budgetEvents } from "./events.js";

const spec = deciderSpec(budgetDecider);
const initiativeId = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a01" as InitiativeId;
const organisationId = "4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b01" as OrganisationId;
const contributionId = "6b5a4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c01" as ContributionId;

const proposed: BudgetEvent = {
  type: "BudgetProposed",
  data: {
    year: 2025,
    lines: [{ lineId: "1d2c3b4a-5f6e-4a8b-9c0d-1e2f3a4b0001" as BudgetLineId, purpose: "Samordning", amountSek: 70_000 }],
  },
};
const contribution = {
  contributionId,
  organisationId,
  initiativeId,
  periodFrom: "2025-01-01",
  periodTo: "2025-06-30",
  hours: 320.5,
  valueSek: 192_300,
  note: "Två pedagoger en halv dag i veckan",
} as const;
const contribute = (
  data: { readonly periodFrom?: string; readonly periodTo?: string } = {},
  facts: { organisationRegistered?: boolean; unregisteredInitiatives?: ReadonlyArray<InitiativeId> } = {},
) =>
  ({
    type: "RecordContributionInKind",
    data: { ...contribution, ...data, organisationRegistered: true, unregisteredInitiatives: [], ...facts },
  }) as BudgetCommand;

describe("RecordContributionInKind", () => {
  it("records an organisation's staff time for an initiative over a period of the budget's year", () =>
    spec
      .given([proposed])
      .when(contribute())
      .then([{ type: "ContributionInKindRecorded", data: contribution }]));
  it("records a contribution to the focus area, naming no initiative, for one day", () => {
    const { initiativeId: _, ...toFocusArea } = contribution;
    spec
      .given([proposed])
      .when({
        type: "RecordContributionInKind",
        data: { ...toFocusArea, periodTo: "2025-01-01", organisationRegistered: true, unregisteredInitiatives: [] },
      })
      .then([{ type: "ContributionInKindRecorded", data: { ...toFocusArea, periodTo: "2025-01-01" } }]);
  });
  it("rejects an organisation that is not registered, first", () =>
    spec
      .given([proposed])
      .when(contribute({ periodTo: "2024-01-01" }, { organisationRegistered: false, unregisteredInitiatives: [initiativeId] }))
      .thenRejects(OrganisationNotRegistered, organisationId));
  it("rejects an initiative that is not registered", () =>
    spec
      .given([proposed])
      .when(contribute({}, { unregisteredInitiatives: [initiativeId] }))
      .thenRejects(InitiativeNotRegistered, initiativeId));
  it("rejects a period that ends before it starts", () =>
    spec
      .given([proposed])
      .when(contribute({ periodFrom: "2025-03-01", periodTo: "2025-02-28" }))
      .thenRejects(ContributionPeriodInvalid, "2025-02-28", "2025-03-01"));
  it.each([
    ["starts the year before", "2024-12-01", "2025-01-31"],
    ["ends the year after", "2025-12-01", "2026-01-31"],
    ["lies in another year", "2026-01-01", "2026-01-31"],
  ])("rejects a period that %s", (_, periodFrom, periodTo) =>
    spec
      .given([proposed])
      .when(contribute({ periodFrom, periodTo }))
      .thenRejects(ContributionOutsideBudgetYear, periodFrom, "2025"),
  );
  it("accepts the whole year, first to last day", () =>
    spec
      .given([proposed])
      .when(contribute({ periodFrom: "2025-01-01", periodTo: "2025-12-31" }))
      .then([
        { type: "ContributionInKindRecorded", data: { ...contribution, periodFrom: "2025-01-01", periodTo: "2025-12-31" } },
      ]));
  it("needs a proposed budget", () => spec.given([]).when(contribute()).thenRejects(BudgetNotProposed));
  it("leaves the budget as it was: the next contribution is held to the same year", () => {
    const recorded: BudgetEvent = { type: "ContributionInKindRecorded", data: contribution };
    spec
      .given([proposed, recorded])
      .when(contribute({ periodFrom: "2026-01-01", periodTo: "2026-01-31" }))
      .thenRejects(ContributionOutsideBudgetYear, "2026-01-01", "2025");
    spec
      .given([proposed, recorded])
      .when(contribute())
      .then([{ type: "ContributionInKindRecorded", data: contribution }]);
  });
});

describe("hours: quarter hours from 0; value: whole kronor (event schema)", () => {
  const parse = (data: Partial<typeof contribution> | Record<string, unknown>) =>
    budgetEvents.ContributionInKindRecorded.schema.safeParse({ ...contribution, ...data }).success;
  it.each([0, 0.25, 7.5, 1_000])("accepts %d hours", (hours) => expect(parse({ hours })).toBe(true));
  it.each([-1, 0.1])("rejects %d hours", (hours) => expect(parse({ hours })).toBe(false));
  it.each([-1, 1.5])("rejects a value of %d kronor", (valueSek) => expect(parse({ valueSek })).toBe(false));
});

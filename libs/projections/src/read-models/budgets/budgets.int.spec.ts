import { randomUUID } from "node:crypto";
import { budgetStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, expectRebuildMatchesLive, useProjectionHarness } from "../../../testing/projection-harness.js";
import { budgetsProjection } from "./projection.js";
import { budget } from "./queries.js";

const harness = useProjectionHarness([budgetsProjection]);

const focusArea = "alla-barn-och-unga-lyckas";
const stream = budgetStream(focusArea, 2025);
const initiativeId = randomUUID();
const decision = { meetingId: randomUUID(), decisionId: randomUUID() };
const amendingDecision = { meetingId: randomUUID(), decisionId: randomUUID() };

const line = (purpose: string, amountSek: number, forInitiative?: string) => ({
  lineId: randomUUID(),
  purpose,
  amountSek,
  ...(forInitiative ? { initiativeId: forInitiative } : {}),
});
const proposedLines = [line("Coordination", 400_000), line("Homework support", 600_000, initiativeId)];

const propose = (lines = proposedLines, target = stream, year = 2025) =>
  harness.append(target, "BudgetProposed", { year, lines } as Payload<"BudgetProposed">);
const approve = () => harness.append(stream, "BudgetApproved", { decision } as Payload<"BudgetApproved">);
const amend = (lines: ReadonlyArray<ReturnType<typeof line>>, reason: string, recordedAt?: string) =>
  harness.append(stream, "BudgetAmended", { lines, reason, decision: amendingDecision } as Payload<"BudgetAmended">, {
    ...(recordedAt ? { recordedAt } : {}),
  });
const fund = (funding: { source: string; amountSek: number; initiativeId?: string; on: string }, target = stream) =>
  harness.append(target, "ExternalFundingRecorded", funding as Payload<"ExternalFundingRecorded">);
const reflect = (reflection: { initiativeId?: string; reflection: string; valueRating: number; on: string }) =>
  harness.append(stream, "ValueReflectionRecorded", reflection as Payload<"ValueReflectionRecorded">);

/** Lines as the query answers them: an absent initiative is null. */
const answered = (lines: ReadonlyArray<ReturnType<typeof line>>) => lines.map((l) => ({ initiativeId: null, ...l }));

describe("budgets: budget", () => {
  it("answers undefined for a budget not proposed", async () => {
    await propose();
    await harness.sync();
    expect(budget(harness.db, focusArea, 2024)).toBeUndefined();
    expect(budget(harness.db, "alla-barn", 2025)).toBeUndefined();
  });

  it("shows a proposal with its lines in order and no approved total", async () => {
    await propose();
    await harness.sync();
    expect(budget(harness.db, focusArea, 2025)).toEqual({
      focusArea,
      year: 2025,
      status: "proposed",
      lines: answered(proposedLines),
      proposedTotalSek: 1_000_000,
      approvedTotalSek: null,
      decision: null,
      amendments: [],
      externalFunding: [],
      externalFundingTotalSek: 0,
      externalFundingAppliedSek: 0,
      reflections: [],
      contributionsInKind: [],
      contributionsByOrganisation: [],
      contributionsInKindTotal: { hours: 0, valueSek: 0 },
      totalWithContributionsSek: 1_000_000,
      previousYears: [],
    });
  });

  it("gives the approved total and the approving decision once approved", async () => {
    await propose();
    await approve();
    await harness.sync();
    expect(budget(harness.db, focusArea, 2025)).toMatchObject({
      status: "approved",
      proposedTotalSek: 1_000_000,
      approvedTotalSek: 1_000_000,
      decision,
    });
  });

  it("replaces the lines on amendment, keeping the proposed total and listing each amendment", async () => {
    await propose();
    await approve();
    const amendedLines = [line("Coordination", 450_000), line("Summer school", 700_000, initiativeId)];
    await amend(amendedLines, "External funding arrived", "2025-03-01T09:00:00.000Z");
    const finalLines = [line("Everything", 1_200_000)];
    await amend(finalLines, "Merged lines", "2025-06-01T09:00:00.000Z");
    await harness.sync();
    expect(budget(harness.db, focusArea, 2025)).toMatchObject({
      status: "approved",
      lines: answered(finalLines),
      proposedTotalSek: 1_000_000,
      approvedTotalSek: 1_200_000,
      decision,
      amendments: [
        { reason: "External funding arrived", decision: amendingDecision, recordedAt: "2025-03-01T09:00:00.000Z" },
        { reason: "Merged lines", decision: amendingDecision, recordedAt: "2025-06-01T09:00:00.000Z" },
      ],
    });
  });

  it("answers the budget as known at an earlier instant: replaced lines keep their rows", async () => {
    await propose();
    harness.setTime("2024-02-01T08:00:00.000Z");
    await approve();
    const amendedLines = [line("Coordination", 450_000), line("Summer school", 700_000, initiativeId)];
    await amend(amendedLines, "External funding arrived", "2025-03-01T09:00:00.000Z");
    await amend([line("Everything", 1_200_000)], "Merged lines", "2025-06-01T09:00:00.000Z");
    await fund({ source: "Region", amountSek: 50_000, on: "2025-06-01" });
    await harness.sync();
    const asOf = (instant: string) => budget(harness.db, focusArea, 2025, { asOf: instant });
    expect(asOf("2023-12-31T23:59:59.999Z")).toBeUndefined();
    expect(asOf("2024-01-31T23:59:59.999Z")).toMatchObject({
      status: "proposed",
      lines: answered(proposedLines),
      approvedTotalSek: null,
      decision: null,
    });
    expect(asOf("2025-03-01T08:59:59.999Z")).toMatchObject({
      status: "approved",
      lines: answered(proposedLines),
      approvedTotalSek: 1_000_000,
      decision,
      amendments: [],
    });
    expect(asOf("2025-03-01T09:00:00.000Z")).toMatchObject({
      lines: answered(amendedLines),
      approvedTotalSek: 1_150_000,
      amendments: [{ reason: "External funding arrived", decision: amendingDecision, recordedAt: "2025-03-01T09:00:00.000Z" }],
      externalFunding: [],
      externalFundingTotalSek: 0,
    });
  });

  it("lists external funding and value reflections in log order, with the funding total", async () => {
    await propose();
    await fund({ source: "Allmänna arvsfonden", amountSek: 250_000, initiativeId, on: "2025-02-01" });
    await fund({ source: "Region", amountSek: 50_000, on: "2025-01-15" });
    await reflect({ initiativeId, reflection: "More pupils passed", valueRating: 4, on: "2025-12-01" });
    await reflect({ reflection: "The whole budget paid off", valueRating: 3, on: "2025-12-15" });
    await harness.sync();
    expect(budget(harness.db, focusArea, 2025)).toMatchObject({
      externalFunding: [
        { source: "Allmänna arvsfonden", amountSek: 250_000, initiativeId, on: "2025-02-01" },
        { source: "Region", amountSek: 50_000, initiativeId: null, on: "2025-01-15" },
      ],
      externalFundingTotalSek: 300_000,
      reflections: [
        { initiativeId, reflection: "More pupils passed", valueRating: 4, on: "2025-12-01" },
        { initiativeId: null, reflection: "The whole budget paid off", valueRating: 3, on: "2025-12-15" },
      ],
    });
  });

  it("keeps budgets of other years and of focus areas that are prefixes of each other apart", async () => {
    await propose();
    await propose([line("Next year", 10)], budgetStream(focusArea, 2026), 2026);
    await propose([line("Shorter slug", 20)], budgetStream("alla-barn", 2025));
    await fund({ source: "Other", amountSek: 5, on: "2025-01-01" }, budgetStream("alla-barn", 2025));
    await harness.sync();
    expect(budget(harness.db, focusArea, 2025)).toMatchObject({ proposedTotalSek: 1_000_000, externalFunding: [] });
    expect(budget(harness.db, focusArea, 2026)).toMatchObject({ focusArea, year: 2026, proposedTotalSek: 10 });
    expect(budget(harness.db, "alla-barn", 2025)).toMatchObject({
      focusArea: "alla-barn",
      proposedTotalSek: 20,
      externalFundingTotalSek: 5,
    });
  });

  it("rebuilds to exactly the rows it holds live", async () => {
    await propose();
    await approve();
    await amend([line("Coordination", 1)], "Cut");
    await fund({ source: "Region", amountSek: 50_000, on: "2025-01-15" });
    const fundingId = randomUUID();
    await fund({ source: "Vinnova", amountSek: 1, on: "2025-02-01", fundingId, status: "applied" } as Parameters<typeof fund>[0]);
    await harness.append(stream, "ExternalFundingStatusChanged", {
      fundingId,
      status: "granted",
      on: "2025-03-01",
    } as Payload<"ExternalFundingStatusChanged">);
    await harness.append(stream, "ContributionInKindRecorded", {
      contributionId: randomUUID(),
      organisationId: randomUUID(),
      periodFrom: "2025-01-01",
      periodTo: "2025-03-31",
      hours: 40,
      valueSek: 24_000,
    } as Payload<"ContributionInKindRecorded">);
    await reflect({ reflection: "Worth it", valueRating: 5, on: "2025-12-15" });
    await expectRebuildMatchesLive(harness);
  });
});

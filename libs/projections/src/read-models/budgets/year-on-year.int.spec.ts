import { randomUUID } from "node:crypto";
import { budgetStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, expectRebuildMatchesLive, useProjectionHarness } from "../../../testing/projection-harness.js";
import { budgetsProjection } from "./projection.js";
import { budget } from "./queries.js";

const harness = useProjectionHarness([budgetsProjection]);

const focusArea = "alla-barn-och-unga-lyckas";
const decision = { meetingId: randomUUID(), decisionId: randomUUID() };
const line = (purpose: string, amountSek: number) => ({ lineId: randomUUID(), purpose, amountSek });
const at = (recordedAt: string) => ({ recordedAt });

const propose = (year: number, lines: ReadonlyArray<ReturnType<typeof line>>, recordedAt: string) =>
  harness.append(budgetStream(focusArea, year), "BudgetProposed", { year, lines } as Payload<"BudgetProposed">, at(recordedAt));
const approve = (year: number, recordedAt: string) =>
  harness.append(budgetStream(focusArea, year), "BudgetApproved", { decision } as Payload<"BudgetApproved">, at(recordedAt));
const amend = (year: number, lines: ReadonlyArray<ReturnType<typeof line>>, recordedAt: string) =>
  harness.append(
    budgetStream(focusArea, year),
    "BudgetAmended",
    { lines, reason: "Omfördelning", decision } as Payload<"BudgetAmended">,
    at(recordedAt),
  );

const lines2024 = [line("Drömfabriken i Skultuna", 150_000), line("Samordning", 60_000)];
const amended2024 = [line("Drömfabriken i Skultuna", 170_000), line("Samordning", 60_000)];
const lines2025 = [line("Drömfabriken i Skultuna", 180_000), line("Samordning", 70_000)];
const lines2023 = [line("Förstudie", 50_000)];

/**
 * 2023 proposed, never approved; 2024 approved, amended in June 2024; 2025 and 2026 proposed
 * in March 2024, 2025 approved in September 2024.
 */
const fourYears = async () => {
  await propose(2023, lines2023, "2023-01-10T09:00:00.000Z");
  await propose(2024, lines2024, "2024-01-10T09:00:00.000Z");
  await approve(2024, "2024-01-20T09:00:00.000Z");
  await propose(2025, lines2025, "2024-03-01T09:00:00.000Z");
  await propose(2026, [line("Drömfabriken i Skultuna", 200_000)], "2024-03-02T09:00:00.000Z");
  await amend(2024, amended2024, "2024-06-10T09:00:00.000Z");
  await approve(2025, "2024-09-19T09:00:00.000Z");
  await harness.sync();
};

const previousOf = (year: number, asOf?: string) => budget(harness.db, focusArea, year, asOf ? { asOf } : {})?.previousYears;
const withNullInitiatives = (lines: ReadonlyArray<ReturnType<typeof line>>) => lines.map((l) => ({ initiativeId: null, ...l }));

describe("budgets: year-on-year", () => {
  it("shows the earlier years' approved lines and totals, oldest first, leaving out years never approved", async () => {
    await fourYears();
    expect(previousOf(2026)).toEqual([
      { year: 2024, lines: withNullInitiatives(amended2024), approvedTotalSek: 230_000 },
      { year: 2025, lines: withNullInitiatives(lines2025), approvedTotalSek: 250_000 },
    ]);
    expect(previousOf(2025)).toEqual([{ year: 2024, lines: withNullInitiatives(amended2024), approvedTotalSek: 230_000 }]);
    expect(previousOf(2024)).toEqual([]);
  });

  it("as known at asOf: a year approved later is not there yet, and a year's lines are those before a later amendment", async () => {
    await fourYears();
    expect(previousOf(2026, "2024-09-18T23:59:59.999Z")).toEqual([
      { year: 2024, lines: withNullInitiatives(amended2024), approvedTotalSek: 230_000 },
    ]);
    expect(previousOf(2026, "2024-05-31T23:59:59.999Z")).toEqual([
      { year: 2024, lines: withNullInitiatives(lines2024), approvedTotalSek: 210_000 },
    ]);
    // The year asked for must itself be proposed by asOf.
    expect(previousOf(2026, "2024-03-01T23:59:59.999Z")).toBeUndefined();
  });

  it("keeps other focus areas apart", async () => {
    await fourYears();
    await harness.append(budgetStream("alla-barn", 2025), "BudgetProposed", {
      year: 2025,
      lines: [line("Annat", 1)],
    } as Payload<"BudgetProposed">);
    await harness.append(budgetStream("alla-barn", 2025), "BudgetApproved", { decision } as Payload<"BudgetApproved">);
    await harness.sync();
    expect(previousOf(2026)?.map((previous) => previous.year)).toEqual([2024, 2025]);
    expect(budget(harness.db, "alla-barn", 2026)).toBeUndefined();
  });

  it("rebuilds to exactly the rows it holds live", async () => {
    await fourYears();
    await expectRebuildMatchesLive(harness, { budgets: 4, budget_lines: 8 });
  });
});

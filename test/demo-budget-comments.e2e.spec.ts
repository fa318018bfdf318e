import { describe, expect, it } from "vitest";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * The five budget comments of 19 September 2024 as the demo answers them (docs/domain.md
 * "Demo data"), read through the built server started with the demo history.
 */
let core: ApiClient;

serverForFile(
  (started) => {
    ({ core } = started);
  },
  { demo: "on" },
);

const FOCUS_AREA = "alla-barn-och-unga-lyckas";
const BUDGET_2025 = `/api/v1/budgets/${FOCUS_AREA}/2025`;

describe("the demo's budget", () => {
  it("external funding applied for, granted or rejected, each on its initiative's line (comment 5)", async () => {
    const budget = (await core.get(`${BUDGET_2025}?at=2025-12-31`)).body;
    expect(budget.externalFunding.map((f: { source: string; status: string }) => [f.source, f.status])).toEqual([
      ["Statsbidrag för likvärdig skola", "granted"],
      ["Allmänna arvsfonden", "granted"],
      ["Vinnova, utmaningsdriven innovation", "rejected"],
    ]);
    expect(budget.externalFundingTotalSek).toBe(420_000);
    const lineIds = budget.lines.map((l: { lineId: string }) => l.lineId);
    expect(lineIds).toContain(budget.externalFunding[1].lineId);
    // On 1 June 2025 the Arvsfonden application was not yet granted.
    expect((await core.get(`${BUDGET_2025}?at=2025-06-01`)).body.externalFundingAppliedSek).toBe(650_000);
  });

  it("the staff time each organisation gave, beside the budget (comment 4)", async () => {
    const budget = (await core.get(`${BUDGET_2025}?at=2025-12-31`)).body;
    expect(budget.contributionsInKindTotal).toEqual({ hours: 1_520, valueSek: 954_000 });
    expect(budget.totalWithContributionsSek).toBe(600_000 + 954_000);
    expect(budget.contributionsByOrganisation).toHaveLength(3);
  });

  it("a value reflection citing a goal and its readings (comment 2), and the readings themselves", async () => {
    const cited = (await core.get(BUDGET_2025)).body.reflections.at(-1);
    expect(cited.goalIds).toHaveLength(1);
    expect(cited.readingIds).toHaveLength(3);
    const readings = await core.get(`/api/v1/initiatives/${cited.initiativeId}/goals/${cited.goalIds[0]}/readings`);
    expect(readings.body.map((r: { value: number }) => r.value)).toEqual([18, 26, 34]);
  });

  it("next year's budget with the approved 2025 budget beside it (comment 1)", async () => {
    const nextYear = Number(new Date().toISOString().slice(0, 4)) + 1;
    const budget = await core.get(`/api/v1/budgets/${FOCUS_AREA}/${nextYear}`);
    expect(budget.status).toBe(200);
    expect(budget.body.previousYears).toEqual([expect.objectContaining({ year: 2025, approvedTotalSek: 600_000 })]);
  });

  it("the mandates of spring 2025 against the 2025 lines: warnings where the budgets differ", async () => {
    const budget = (await core.get(`${BUDGET_2025}?at=2025-03-01`)).body;
    // Drömfabriken 150 000 and Årby/Fröslunda 250 000 against lines of 180 000 and 260 000;
    // Utmaningsdriven utbildning's mandate names no budget.
    expect(
      budget.mandatesAgainstLines.map(
        (row: { mandateBudgetSek: number | null; lineTotalSek: number; warning: string | null }) => [
          row.mandateBudgetSek,
          row.lineTotalSek,
          row.warning,
        ],
      ),
    ).toEqual([
      [150_000, 180_000, "mandate-budget-below-line"],
      [250_000, 260_000, "mandate-budget-below-line"],
      [null, 90_000, "mandate-without-budget"],
    ]);
  });
});

import { randomUUID } from "node:crypto";
import { budgetStream, initiativeStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, useProjectionHarness } from "../../../testing/projection-harness.js";
import { mandateHistoryProjection } from "../mandate-history/projection.js";
import { budgetsProjection } from "./projection.js";
import { comparedOn, mandatesAgainstLines } from "./mandates-against-lines.js";

const harness = useProjectionHarness([budgetsProjection, mandateHistoryProjection]);

const focusArea = "alla-barn-och-unga-lyckas";
const matched = randomUUID();
const exceeding = randomUUID();
const withoutMandate = randomUUID();
const lineOf = (initiativeId: string | undefined, amountSek: number) => ({
  lineId: randomUUID(),
  purpose: "Initiativ",
  amountSek,
  ...(initiativeId ? { initiativeId } : {}),
});
const lines = [lineOf(matched, 100_000), lineOf(exceeding, 50_000), lineOf(withoutMandate, 30_000), lineOf(undefined, 10_000)];
const mandateOf = (budgetSek: number, validFrom = "2025-01-01", validUntil = "2025-12-31") => ({
  mandateId: randomUUID(),
  scope: [{ id: "S1", text: "Mötesplats" }],
  boundaries: [],
  principles: [],
  steering: "broad",
  validFrom,
  validUntil,
  budgetSek,
});
const exceedingMandate = mandateOf(80_000);

/** Three initiatives with lines in the 2025 budget: one mandate matches, one exceeds its line (amended to in March), one has none. */
const aBudgetWithMandates = async () => {
  const at = (recordedAt: string) => ({ recordedAt });
  await harness.append(
    budgetStream(focusArea, 2025),
    "BudgetProposed",
    { year: 2025, lines } as Payload<"BudgetProposed">,
    at("2024-09-05T09:00:00.000Z"),
  );
  await harness.append(
    initiativeStream(matched),
    "MandateGranted",
    mandateOf(100_000) as unknown as Payload<"MandateGranted">,
    at("2024-12-01T09:00:00.000Z"),
  );
  await harness.append(
    initiativeStream(exceeding),
    "MandateGranted",
    { ...exceedingMandate, budgetSek: 50_000 } as unknown as Payload<"MandateGranted">,
    at("2024-12-01T09:00:00.000Z"),
  );
  await harness.append(
    initiativeStream(exceeding),
    "MandateAmended",
    {
      mandateId: exceedingMandate.mandateId,
      changes: { budgetSek: 80_000 },
      reason: "Mer verksamhet",
      effectiveFrom: "2025-03-01",
    } as Payload<"MandateAmended">,
    at("2025-03-10T09:00:00.000Z"),
  );
  await harness.sync();
};
const warnings = (options: { asOf?: string; at: string }) =>
  Object.fromEntries(
    mandatesAgainstLines(harness.db, focusArea, 2025, options as { asOf?: string; at: never }).map((m) => [
      m.initiativeId,
      m.warning,
    ]),
  );

describe("budgets: mandates against the lines that fund their initiatives", () => {
  it("shows each funded initiative's mandate budget beside its lines, with a warning where they differ", async () => {
    await aBudgetWithMandates();
    const rows = mandatesAgainstLines(harness.db, focusArea, 2025, { at: "2025-06-01" as never });
    expect(rows).toEqual([
      {
        initiativeId: matched,
        lineIds: [lines[0]!.lineId],
        lineTotalSek: 100_000,
        mandateId: expect.any(String),
        mandateBudgetSek: 100_000,
        warning: null,
      },
      {
        initiativeId: exceeding,
        lineIds: [lines[1]!.lineId],
        lineTotalSek: 50_000,
        mandateId: exceedingMandate.mandateId,
        mandateBudgetSek: 80_000,
        warning: "mandate-budget-exceeds-line",
      },
      {
        initiativeId: withoutMandate,
        lineIds: [lines[2]!.lineId],
        lineTotalSek: 30_000,
        mandateId: null,
        mandateBudgetSek: null,
        warning: "no-mandate-in-force",
      },
    ]);
  });

  it("on at, before the amendment took effect, and as known before it was recorded, the budgets agree", async () => {
    await aBudgetWithMandates();
    expect(warnings({ at: "2025-02-15" })[exceeding]).toBeNull();
    expect(warnings({ at: "2025-06-01", asOf: "2025-03-09T23:59:59.999Z" })[exceeding]).toBeNull();
    // As known before any mandate was recorded, no initiative has one.
    expect(Object.values(warnings({ at: "2025-06-01", asOf: "2024-11-30T00:00:00.000Z" }))).toEqual([
      "no-mandate-in-force",
      "no-mandate-in-force",
      "no-mandate-in-force",
    ]);
  });

  it("compares on a day within the budget's year", () => {
    expect(comparedOn(2025, "2024-06-01" as never)).toBe("2025-01-01");
    expect(comparedOn(2025, "2025-06-01" as never)).toBe("2025-06-01");
    expect(comparedOn(2025, "2026-03-01" as never)).toBe("2025-12-31");
  });
});

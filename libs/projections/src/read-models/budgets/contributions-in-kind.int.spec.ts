import { randomUUID } from "node:crypto";
import { budgetStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, expectRebuildMatchesLive, useProjectionHarness } from "../../../testing/projection-harness.js";
import { budgetsProjection } from "./projection.js";
import { budget } from "./queries.js";

const harness = useProjectionHarness([budgetsProjection]);

const focusArea = "alla-barn-och-unga-lyckas";
const stream = budgetStream(focusArea, 2025);
const vasteras = randomUUID();
const mdu = randomUUID();
const initiativeId = randomUUID();
const decision = { meetingId: randomUUID(), decisionId: randomUUID() };

const contribution = (
  organisationId: string,
  periodFrom: string,
  periodTo: string,
  hours: number,
  valueSek: number,
  forInitiative?: string,
) => ({
  contributionId: randomUUID(),
  organisationId,
  ...(forInitiative ? { initiativeId: forInitiative } : {}),
  periodFrom,
  periodTo,
  hours,
  valueSek,
});
const spring = contribution(vasteras, "2025-01-01", "2025-06-30", 320.5, 192_300, initiativeId);
const mduSpring = contribution(mdu, "2025-02-01", "2025-05-31", 80, 60_000);
const autumn = contribution(vasteras, "2025-08-15", "2025-12-19", 200, 120_000, initiativeId);

/** Budget 400,000 approved; Västerås's spring recorded in January, MDU's in March, Västerås's autumn in September. */
const aYearOfContributions = async () => {
  const append = (type: "ContributionInKindRecorded", data: ReturnType<typeof contribution>, recordedAt: string) =>
    harness.append(stream, type, data as Payload<typeof type>, { recordedAt });
  await harness.append(
    stream,
    "BudgetProposed",
    { year: 2025, lines: [{ lineId: randomUUID(), purpose: "Samordning", amountSek: 400_000 }] } as Payload<"BudgetProposed">,
    { recordedAt: "2024-09-05T09:00:00.000Z" },
  );
  await harness.append(stream, "BudgetApproved", { decision } as Payload<"BudgetApproved">, {
    recordedAt: "2024-09-19T09:00:00.000Z",
  });
  await append("ContributionInKindRecorded", spring, "2025-01-20T09:00:00.000Z");
  await append("ContributionInKindRecorded", mduSpring, "2025-03-03T09:00:00.000Z");
  await append("ContributionInKindRecorded", autumn, "2025-09-01T09:00:00.000Z");
  await harness.sync();
};
const read = (options: { asOf?: string; at?: string }) => budget(harness.db, focusArea, 2025, options)!;
const answered = (c: ReturnType<typeof contribution>, recordedAt: string) => ({
  initiativeId: null,
  note: null,
  ...c,
  recordedAt,
});

describe("budgets: contributions in kind", () => {
  it("lists each contribution by period, sums them per organisation and in all, and adds their value to the budget", async () => {
    await aYearOfContributions();
    const now = read({ at: "2025-12-31" });
    expect(now.contributionsInKind).toEqual([
      answered(spring, "2025-01-20T09:00:00.000Z"),
      answered(mduSpring, "2025-03-03T09:00:00.000Z"),
      answered(autumn, "2025-09-01T09:00:00.000Z"),
    ]);
    expect(now.contributionsByOrganisation).toEqual([
      { organisationId: vasteras, hours: 520.5, valueSek: 312_300 },
      { organisationId: mdu, hours: 80, valueSek: 60_000 },
    ]);
    expect(now.contributionsInKindTotal).toEqual({ hours: 600.5, valueSek: 372_300 });
    expect(now.totalWithContributionsSek).toBe(772_300);
  });

  it("on at: only the periods that have started by then", async () => {
    await aYearOfContributions();
    expect(read({ at: "2025-08-14" })).toMatchObject({
      contributionsInKindTotal: { hours: 400.5, valueSek: 252_300 },
      totalWithContributionsSek: 652_300,
    });
    expect(read({ at: "2024-12-31" })).toMatchObject({ contributionsInKind: [], totalWithContributionsSek: 400_000 });
  });

  it("as known at asOf: only what was recorded by then, whatever the period", async () => {
    await aYearOfContributions();
    const inJune = read({ asOf: "2025-06-30T00:00:00.000Z", at: "2025-12-31" });
    expect(inJune.contributionsInKind.map((c) => c.contributionId)).toEqual([spring.contributionId, mduSpring.contributionId]);
    expect(inJune.contributionsInKindTotal).toEqual({ hours: 400.5, valueSek: 252_300 });
    expect(read({ asOf: "2025-01-19T00:00:00.000Z" }).contributionsInKind).toEqual([]);
  });

  it("rebuilds to exactly the rows it holds live", async () => {
    await aYearOfContributions();
    await expectRebuildMatchesLive(harness, { budget_contributions: 3 });
  });
});

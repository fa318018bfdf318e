import { randomUUID } from "node:crypto";
import { budgetStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, expectRebuildMatchesLive, useProjectionHarness } from "../../../testing/projection-harness.js";
import { budgetsProjection } from "./projection.js";
import { budget } from "./queries.js";

const harness = useProjectionHarness([budgetsProjection]);

const focusArea = "alla-barn-och-unga-lyckas";
const stream = budgetStream(focusArea, 2025);
const firstLine = { lineId: randomUUID(), purpose: "Testbädd Årby/Fröslunda", amountSek: 250_000 };
const secondLine = { lineId: randomUUID(), purpose: "Drömfabriken i Skultuna", amountSek: 150_000 };
const fundingId = randomUUID();
const at = (recordedAt: string) => ({ recordedAt });

/**
 * Applied for on 1 February (recorded 2 February), linked to the second line on 10 March,
 * granted 400,000 from 1 April (recorded 15 April).
 */
const aFundingGrantedLater = async () => {
  await harness.append(
    stream,
    "BudgetProposed",
    { year: 2025, lines: [firstLine, secondLine] } as Payload<"BudgetProposed">,
    at("2025-01-10T09:00:00.000Z"),
  );
  await harness.append(
    stream,
    "ExternalFundingRecorded",
    {
      source: "Allmänna arvsfonden",
      amountSek: 500_000,
      on: "2025-02-01",
      fundingId,
      status: "applied",
      lineId: firstLine.lineId,
    } as Payload<"ExternalFundingRecorded">,
    at("2025-02-02T09:00:00.000Z"),
  );
  await harness.append(
    stream,
    "ExternalFundingLinked",
    { fundingId, lineId: secondLine.lineId } as Payload<"ExternalFundingLinked">,
    at("2025-03-10T09:00:00.000Z"),
  );
  await harness.append(
    stream,
    "ExternalFundingStatusChanged",
    { fundingId, status: "granted", amountSek: 400_000, on: "2025-04-01" } as Payload<"ExternalFundingStatusChanged">,
    at("2025-04-15T09:00:00.000Z"),
  );
  await harness.sync();
};

const fundingOf = (options: { asOf?: string; at?: string }) => {
  const answer = budget(harness.db, focusArea, 2025, options);
  return (
    answer && {
      funding: answer.externalFunding,
      grantedSek: answer.externalFundingTotalSek,
      appliedSek: answer.externalFundingAppliedSek,
    }
  );
};

describe("budgets: external funding with a status and a line, on both time axes", () => {
  it("as known now: granted from the day of the grant, applied before it", async () => {
    await aFundingGrantedLater();
    expect(fundingOf({ at: "2025-04-01" })).toEqual({
      funding: [
        {
          fundingId,
          source: "Allmänna arvsfonden",
          amountSek: 500_000,
          initiativeId: null,
          on: "2025-02-01",
          status: "granted",
          statusOn: "2025-04-01",
          grantedSek: 400_000,
          lineId: secondLine.lineId,
        },
      ],
      grantedSek: 400_000,
      appliedSek: 0,
    });
    expect(fundingOf({ at: "2025-03-31" })).toMatchObject({
      funding: [{ status: "applied", statusOn: "2025-02-01", grantedSek: null, lineId: secondLine.lineId }],
      grantedSek: 0,
      appliedSek: 500_000,
    });
  });

  it("as known before the grant was recorded, applied on every day; before the link, on the line as recorded", async () => {
    await aFundingGrantedLater();
    expect(fundingOf({ asOf: "2025-04-14T23:59:59.999Z", at: "2025-06-01" })).toMatchObject({
      funding: [{ status: "applied", grantedSek: null, lineId: secondLine.lineId }],
      appliedSek: 500_000,
    });
    expect(fundingOf({ asOf: "2025-03-01T00:00:00.000Z", at: "2025-06-01" })).toMatchObject({
      funding: [{ status: "applied", lineId: firstLine.lineId }],
    });
    expect(fundingOf({ asOf: "2025-02-01T23:59:59.999Z" })).toMatchObject({ funding: [], grantedSek: 0, appliedSek: 0 });
  });

  it("without at, every status change recorded by asOf counts", async () => {
    await aFundingGrantedLater();
    expect(fundingOf({})).toMatchObject({ funding: [{ status: "granted", grantedSek: 400_000 }], grantedSek: 400_000 });
  });

  it("a rejected funding counts in neither total", async () => {
    await harness.append(stream, "BudgetProposed", { year: 2025, lines: [firstLine] } as Payload<"BudgetProposed">);
    await harness.append(stream, "ExternalFundingRecorded", {
      source: "Vinnova",
      amountSek: 900_000,
      on: "2025-02-01",
      fundingId,
      status: "applied",
    } as Payload<"ExternalFundingRecorded">);
    await harness.append(stream, "ExternalFundingStatusChanged", {
      fundingId,
      status: "rejected",
      on: "2025-03-01",
    } as Payload<"ExternalFundingStatusChanged">);
    await harness.sync();
    expect(fundingOf({ at: "2025-03-01" })).toMatchObject({
      funding: [{ status: "rejected", statusOn: "2025-03-01", grantedSek: null, lineId: null }],
      grantedSek: 0,
      appliedSek: 0,
    });
  });

  it("a funding recorded before fundings had ids and statuses reads as granted as recorded", async () => {
    await harness.append(stream, "BudgetProposed", { year: 2025, lines: [firstLine] } as Payload<"BudgetProposed">);
    await harness.append(stream, "ExternalFundingRecorded", {
      source: "Statsbidrag",
      amountSek: 80_000,
      on: "2025-01-15",
    } as Payload<"ExternalFundingRecorded">);
    await harness.sync();
    // Before its own day it was neither applied for nor granted: not there, and not counted.
    expect(fundingOf({ at: "2025-01-14" })).toEqual({ funding: [], grantedSek: 0, appliedSek: 0 });
    expect(fundingOf({ at: "2025-01-15" })).toEqual({
      funding: [
        {
          fundingId: null,
          source: "Statsbidrag",
          amountSek: 80_000,
          initiativeId: null,
          on: "2025-01-15",
          status: "granted",
          statusOn: "2025-01-15",
          grantedSek: 80_000,
          lineId: null,
        },
      ],
      grantedSek: 80_000,
      appliedSek: 0,
    });
  });

  it("rebuilds to exactly the rows it holds live", async () => {
    await aFundingGrantedLater();
    await expectRebuildMatchesLive(harness, { budget_external_funding: 1, budget_external_funding_changes: 2 });
  });
});

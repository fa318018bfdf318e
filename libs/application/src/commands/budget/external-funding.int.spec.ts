import type { BudgetEvent } from "#domain";
import { Effect } from "effect";
import { leadOf } from "../../../testing/initiative-history.js";
import { describe, expect, it } from "vitest";
import { actingAs, useCommandRuntime } from "../../../testing/command-runtime.js";
import { coreTeam } from "../../../testing/principals.js";
import { changeExternalFundingStatus, linkExternalFunding, proposeBudget, recordExternalFunding } from "./commands.js";

const runtime = useCommandRuntime();
const { ok, failure } = actingAs(runtime, coreTeam);
const eventsOf = async (streamId: string) =>
  (await Effect.runPromise(runtime.store.readStream(streamId))) as unknown as ReadonlyArray<BudgetEvent>;

const budget2025 = { focusArea: "alla-barn-och-unga-lyckas", year: 2025 };
const applied = {
  ...budget2025,
  source: "Allmänna arvsfonden",
  amountSek: 500_000,
  status: "applied",
  on: "2025-02-01",
} as const;

/** A proposed budget and the id of its one line. */
const aProposedBudget = async () => {
  const { streamId } = await ok(proposeBudget, {
    ...budget2025,
    lines: [{ purpose: "Testbädd Årby/Fröslunda", amountSek: 250_000 }],
  });
  const [proposed] = await eventsOf(streamId);
  if (proposed?.type !== "BudgetProposed") throw new Error("no proposal");
  return { streamId, lineId: proposed.data.lines[0]!.lineId };
};

describe("external funding with a status and a budget line", () => {
  it("records funding applied for as a resource of its own, linked to a line, then grants it", async () => {
    const { streamId, lineId } = await aProposedBudget();
    const recorded = await ok(recordExternalFunding, { ...applied, lineId });
    expect(recorded).toMatchObject({ streamId, created: true, revision: 1 });
    const granted = await ok(changeExternalFundingStatus, {
      ...budget2025,
      fundingId: recorded.id,
      status: "granted",
      amountSek: 400_000,
      on: "2025-04-01",
    });
    expect(granted).toMatchObject({ id: recorded.id, created: false, revision: 2 });
    const { focusArea: _, year: __, ...recordedData } = applied;
    expect((await eventsOf(streamId)).slice(1)).toMatchObject([
      { type: "ExternalFundingRecorded", data: { ...recordedData, lineId, fundingId: recorded.id } },
      {
        type: "ExternalFundingStatusChanged",
        data: { fundingId: recorded.id, status: "granted", amountSek: 400_000, on: "2025-04-01" },
      },
    ]);
  });

  it("records funding given without a status as granted, as it was before statuses", async () => {
    const { streamId } = await aProposedBudget();
    const { focusArea: _, year: __, status: ___, ...body } = applied;
    await ok(recordExternalFunding, { ...budget2025, ...body });
    const [, recorded] = await eventsOf(streamId);
    expect(recorded?.data).toMatchObject({ status: "granted" });
  });

  it("links a funding to a line later, and refuses a line the budget does not have", async () => {
    const { lineId } = await aProposedBudget();
    const { id: fundingId } = await ok(recordExternalFunding, applied);
    expect(await failure(linkExternalFunding, { ...budget2025, fundingId, lineId: fundingId })).toMatchObject({
      _tag: "budget-line-not-found",
    });
    expect(await ok(linkExternalFunding, { ...budget2025, fundingId, lineId })).toMatchObject({ id: fundingId, revision: 2 });
  });

  it("answers a funding the budget never recorded as missing (404)", async () => {
    await aProposedBudget();
    const fundingId = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c01";
    const change = { ...budget2025, fundingId, status: "rejected", on: "2025-04-01" } as const;
    expect(await failure(changeExternalFundingStatus, change)).toMatchObject({ _tag: "ResourceNotFound" });
  });

  it("refuses a second decision on the same funding", async () => {
    await aProposedBudget();
    const { id: fundingId } = await ok(recordExternalFunding, applied);
    await ok(changeExternalFundingStatus, { ...budget2025, fundingId, status: "rejected", on: "2025-04-01" });
    expect(
      await failure(changeExternalFundingStatus, { ...budget2025, fundingId, status: "granted", on: "2025-05-01" }),
    ).toMatchObject({ _tag: "external-funding-already-decided" });
  });

  it("is for the Core Team only", async () => {
    await aProposedBudget();
    expect(await failure(recordExternalFunding, applied, await leadOf(runtime.store))).toMatchObject({ _tag: "Forbidden" });
  });
});

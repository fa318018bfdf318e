import { randomUUID } from "node:crypto";
import type { BudgetEvent } from "#domain";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { actingAs, useCommandRuntime } from "../../../testing/command-runtime.js";
import { appendInitiative } from "../../../testing/initiative-history.js";
import { coreTeam } from "../../../testing/principals.js";
import { registerOrganisation } from "../organisation/commands.js";
import { proposeBudget, recordContributionInKind } from "./commands.js";

const runtime = useCommandRuntime();
const { ok, failure } = actingAs(runtime, coreTeam);
const eventsOf = async (streamId: string) =>
  (await Effect.runPromise(runtime.store.readStream(streamId))) as unknown as ReadonlyArray<BudgetEvent>;

const budget2025 = { focusArea: "alla-barn-och-unga-lyckas", year: 2025 };
const period = { periodFrom: "2025-01-01", periodTo: "2025-06-30", hours: 320, valueSek: 192_000 };

describe("contributions in kind", () => {
  it("records an organisation's staff time for an initiative as a resource of its own: the contributionId", async () => {
    const initiativeId = await appendInitiative(runtime.store);
    const organisationId = (await ok(registerOrganisation, { name: "Västerås stad", kind: "municipality" })).id;
    const { streamId } = await ok(proposeBudget, { ...budget2025, lines: [{ purpose: "Samordning", amountSek: 70_000 }] });
    const recorded = await ok(recordContributionInKind, { ...budget2025, organisationId, initiativeId, ...period });
    expect(recorded).toMatchObject({ streamId, created: true, revision: 1 });
    expect((await eventsOf(streamId)).at(-1)).toMatchObject({
      type: "ContributionInKindRecorded",
      data: { contributionId: recorded.id, organisationId, initiativeId, ...period },
    });
  });

  it("refuses an organisation that is not registered, and a period outside the budget's year, appending nothing", async () => {
    const organisationId = (await ok(registerOrganisation, { name: "Eskilstuna kommun", kind: "municipality" })).id;
    await ok(proposeBudget, { ...budget2025, lines: [{ purpose: "Samordning", amountSek: 70_000 }] });
    const before = await runtime.headPosition();
    expect(await failure(recordContributionInKind, { ...budget2025, organisationId: randomUUID(), ...period })).toMatchObject({
      _tag: "organisation-not-registered",
    });
    expect(
      await failure(recordContributionInKind, { ...budget2025, organisationId, ...period, periodTo: "2026-01-31" }),
    ).toMatchObject({ _tag: "contribution-outside-budget-year" });
    expect(await runtime.headPosition()).toBe(before);
  });

  it("answers a budget not proposed as missing", async () => {
    const organisationId = (await ok(registerOrganisation, { name: "MDU", kind: "university" })).id;
    expect(await failure(recordContributionInKind, { ...budget2025, organisationId, ...period })).toMatchObject({
      _tag: "ResourceNotFound",
    });
  });
});

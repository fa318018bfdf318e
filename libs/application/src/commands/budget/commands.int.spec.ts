import { randomUUID } from "node:crypto";
import type { BudgetEvent, DecisionKind, DecisionRef } from "#domain";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { actingAs, useCommandRuntime } from "../../../testing/command-runtime.js";
import { appendInitiative } from "../../../testing/initiative-history.js";
import { registeredPeople } from "../../../testing/people.js";
import { admin, coreTeam } from "../../../testing/principals.js";
import { amendBudget, approveBudget, proposeBudget, recordExternalFunding, recordValueReflection } from "../budget/commands.js";
import { holdMeeting, recordDecision } from "../meeting/commands.js";

const runtime = useCommandRuntime();
const { ok, failure } = actingAs(runtime, coreTeam);
const eventsOf = async (streamId: string) =>
  (await Effect.runPromise(runtime.store.readStream(streamId))) as unknown as ReadonlyArray<BudgetEvent>;

const focusArea = "alla-barn-och-unga-lyckas";
const budget2025 = { focusArea, year: 2025 };
const lines = [
  { purpose: "Processledning", amountSek: 400_000 },
  { purpose: "Läxhjälp", amountSek: 250_000 },
];

/** A decision of `kind`, recorded in a meeting of its own; who attended does not matter here, only that someone did. */
const recordedDecision = async (kind: DecisionKind): Promise<DecisionRef> => {
  const meeting = await ok(holdMeeting, {
    body: "core-team",
    focusArea,
    heldOn: "2024-09-19",
    attendees: await registeredPeople(runtime, "Deltagare Västerås 1"),
    absentees: [],
    agenda: ["Budget 2025"],
  });
  const decision = await ok(recordDecision, {
    meetingId: meeting.id,
    subject: "Budget 2025",
    decision: "Godkänns",
    kind,
  });
  return { meetingId: meeting.id, decisionId: decision.id } as DecisionRef;
};

/** Once approved, the lines as the latest proposal or amendment left them, summed (as the read model does). */
const approvedTotalOf = async (streamId: string) => {
  const events = await eventsOf(streamId);
  if (!events.some((event) => event.type === "BudgetApproved")) return undefined;
  const lines = events.flatMap((event) => ("lines" in event.data ? [event.data.lines] : [])).at(-1) ?? [];
  return lines.reduce((total, line) => total + line.amountSek, 0);
};

describe("budget commands", () => {
  it("proposes a budget in budget-{focusArea}-{year}, giving every line its own id", async () => {
    const result = await ok(proposeBudget, { ...budget2025, lines });
    expect(result).toMatchObject({
      id: "alla-barn-och-unga-lyckas-2025",
      streamId: "budget-alla-barn-och-unga-lyckas-2025",
      revision: 0,
      created: true,
    });
    const [proposed] = await eventsOf(result.streamId);
    const lineIds = proposed?.type === "BudgetProposed" ? proposed.data.lines.map((line) => line.lineId) : [];
    expect(new Set(lineIds).size).toBe(lines.length);
  });

  it("approves the budget against a budget decision", async () => {
    const decision = await recordedDecision("budget");
    const { streamId } = await ok(proposeBudget, { ...budget2025, lines });
    expect(await ok(approveBudget, { ...budget2025, decision })).toMatchObject({ revision: 1, created: false });
    expect(await approvedTotalOf(streamId)).toBe(650_000);
  });

  it("rejects approval against a mandate decision and appends nothing", async () => {
    const decision = await recordedDecision("mandate");
    await ok(proposeBudget, { ...budget2025, lines });
    const before = await runtime.headPosition();
    expect(await failure(approveBudget, { ...budget2025, decision })).toMatchObject({ _tag: "budget-decision-kind" });
    expect(await runtime.headPosition()).toBe(before);
  });

  it("rejects approval against a decision the meeting did not record", async () => {
    const { meetingId } = await recordedDecision("budget");
    await ok(proposeBudget, { ...budget2025, lines });
    const decision = { meetingId, decisionId: "0f0e0d0c-0b0a-4908-8706-050403020100" };
    expect(await failure(approveBudget, { ...budget2025, decision })).toMatchObject({ _tag: "decision-not-found" });
  });

  it("rejects approval against a meeting that was never held", async () => {
    await ok(proposeBudget, { ...budget2025, lines });
    const decision = {
      meetingId: "0f0e0d0c-0b0a-4908-8706-050403020101",
      decisionId: "0f0e0d0c-0b0a-4908-8706-050403020102",
    };
    expect(await failure(approveBudget, { ...budget2025, decision })).toMatchObject({ _tag: "decision-not-found" });
  });

  it("amends an approved budget by a budget decision; the approved total follows", async () => {
    const { streamId } = await ok(proposeBudget, { ...budget2025, lines });
    await ok(approveBudget, { ...budget2025, decision: await recordedDecision("budget") });
    const amendment = { lines: [{ purpose: "Processledning", amountSek: 300_000 }], reason: "Lägre lönekostnad" };
    expect(await failure(amendBudget, { ...budget2025, ...amendment, decision: await recordedDecision("other") })).toMatchObject({
      _tag: "budget-decision-kind",
    });
    await ok(amendBudget, { ...budget2025, ...amendment, decision: await recordedDecision("budget") });
    expect(await approvedTotalOf(streamId)).toBe(300_000);
  });

  it("approves only a budget that exists", async () => {
    const decision = await recordedDecision("budget");
    expect(await failure(approveBudget, { ...budget2025, decision })).toMatchObject({
      _tag: "ResourceNotFound",
      streamId: "budget-alla-barn-och-unga-lyckas-2025",
    });
  });

  describe("naming an initiative", () => {
    const funding = { ...budget2025, source: "Allmänna arvsfonden", amountSek: 100_000, on: "2025-02-01" };
    const reflection = { ...budget2025, reflection: "Läxhjälpen når fler elever", valueRating: 4, on: "2025-06-30" };

    it("accepts registered initiatives in lines, external funding and value reflections", async () => {
      const initiativeId = await appendInitiative(runtime.store);
      const { streamId } = await ok(proposeBudget, { ...budget2025, lines: [{ ...lines[0]!, initiativeId }] });
      await ok(recordExternalFunding, { ...funding, initiativeId });
      await ok(recordValueReflection, { ...reflection, initiativeId });
      expect(await eventsOf(streamId)).toHaveLength(3);
    });

    it("refuses an initiative that is not registered, as a tension does, and appends nothing", async () => {
      const unknown = randomUUID();
      expect(await failure(proposeBudget, { ...budget2025, lines: [{ ...lines[0]!, initiativeId: unknown }] })).toMatchObject({
        _tag: "initiative-not-registered",
      });
      const decision = await recordedDecision("budget");
      await ok(proposeBudget, { ...budget2025, lines });
      await ok(approveBudget, { ...budget2025, decision });
      const before = await runtime.headPosition();
      const amendment = { lines: [{ ...lines[0]!, initiativeId: unknown }], reason: "Nytt initiativ", decision };
      for (const [spec, input] of [
        [amendBudget, { ...budget2025, ...amendment }],
        [recordExternalFunding, { ...funding, initiativeId: unknown }],
        [recordValueReflection, { ...reflection, initiativeId: unknown }],
      ] as const) {
        expect(await failure(spec, input)).toMatchObject({ _tag: "initiative-not-registered" });
      }
      expect(await runtime.headPosition()).toBe(before);
    });
  });

  it("is for the Core Team only", async () => {
    expect(await failure(proposeBudget, { ...budget2025, lines }, admin)).toMatchObject({ _tag: "Forbidden" });
  });
});

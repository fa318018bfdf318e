import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { actingAs, useCommandRuntime } from "../../../testing/command-runtime.js";
import { appendInitiative, leadOf } from "../../../testing/initiative-history.js";
import { coreTeam } from "../../../testing/principals.js";
import { proposeBudget, recordValueReflection } from "../budget/commands.js";
import { recordIndicatorReading } from "./indicator-reading-commands.js";
import { setGoal } from "./initiative-commands.js";

const runtime = useCommandRuntime({ clock: () => new Date("2025-06-10T10:00:00.000Z") });
const { ok, failure } = actingAs(runtime, coreTeam);

const reading = { value: 42, unit: "barn per vecka", on: "2025-06-01" };
const aGoal = async () => {
  const initiativeId = await appendInitiative(runtime.store);
  const goalId = (await ok(setGoal, { initiativeId, statement: "Fler barn deltar", indicator: "Barn per vecka" })).id;
  return { initiativeId, goalId };
};

describe("indicator readings", () => {
  it("records a reading of a goal: 201, the readingId; a lead of the initiative may, another lead may not", async () => {
    const { initiativeId, goalId } = await aGoal();
    const recorded = await ok(recordIndicatorReading, { initiativeId, goalId, ...reading });
    expect(recorded).toMatchObject({ created: true, revision: 2 });
    const asLead = actingAs(runtime, await leadOf(runtime.store, initiativeId));
    expect(await asLead.ok(recordIndicatorReading, { initiativeId, goalId, ...reading, value: 45 })).toMatchObject({
      created: true,
    });
    expect(
      await failure(recordIndicatorReading, { initiativeId, goalId, ...reading }, await leadOf(runtime.store, randomUUID())),
    ).toMatchObject({
      _tag: "Forbidden",
    });
  });

  it("refuses a reading dated after today (the command's clock), and answers an unknown goal as missing", async () => {
    const { initiativeId, goalId } = await aGoal();
    expect(await failure(recordIndicatorReading, { initiativeId, goalId, ...reading, on: "2025-06-11" })).toMatchObject({
      _tag: "indicator-reading-in-future",
    });
    expect(await failure(recordIndicatorReading, { initiativeId, goalId: randomUUID(), ...reading })).toMatchObject({
      _tag: "ResourceNotFound",
    });
  });
});

describe("a value reflection citing goals and readings", () => {
  const budget = { focusArea: "alla-barn-och-unga-lyckas", year: 2025 };
  const reflection = { ...budget, reflection: "Fler barn kom", valueRating: 4, on: "2025-06-15" };

  it("cites its initiative's goals and readings; refuses another initiative's, or citing without an initiative", async () => {
    const { initiativeId, goalId } = await aGoal();
    const other = await aGoal();
    const readingId = (await ok(recordIndicatorReading, { initiativeId, goalId, ...reading })).id;
    await ok(proposeBudget, { ...budget, lines: [{ purpose: "Samordning", amountSek: 1 }] });
    expect(
      await ok(recordValueReflection, { ...reflection, initiativeId, goalIds: [goalId], readingIds: [readingId] }),
    ).toMatchObject({
      revision: 1,
    });
    const before = await runtime.headPosition();
    expect(await failure(recordValueReflection, { ...reflection, initiativeId, goalIds: [other.goalId] })).toMatchObject({
      _tag: "citation-not-found",
    });
    // A reading's id is not a goal's, nor a goal's a reading's: each is checked against its own kind.
    expect(await failure(recordValueReflection, { ...reflection, initiativeId, goalIds: [readingId] })).toMatchObject({
      _tag: "citation-not-found",
    });
    expect(await failure(recordValueReflection, { ...reflection, initiativeId, readingIds: [goalId] })).toMatchObject({
      _tag: "citation-not-found",
    });
    expect(await failure(recordValueReflection, { ...reflection, readingIds: [readingId] })).toMatchObject({
      _tag: "citation-not-found",
    });
    expect(await runtime.headPosition()).toBe(before);
  });
});

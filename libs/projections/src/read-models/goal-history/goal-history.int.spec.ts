import { randomUUID } from "node:crypto";
import { type GoalId, type InitiativeId, initiativeStream } from "#domain";
import { describe, expect, it } from "vitest";
import { expectRebuildMatchesLive, useRecordedHistory } from "../../../testing/projection-harness.js";
import { goalHistoryProjection } from "./projection.js";
import { activeGoals, goalHistory } from "./queries.js";

const initiative = randomUUID() as InitiativeId;
const other = randomUUID() as InitiativeId;
const reading = randomUUID() as GoalId;
const writing = randomUUID() as GoalId;
const meeting = randomUUID() as GoalId;
const othersGoal = randomUUID() as GoalId;

const readingSet = "2025-01-05T09:00:00.000Z";
const writingSet = "2025-01-06T09:00:00.000Z";
const meetingSet = "2025-01-07T09:00:00.000Z";
const othersSet = "2025-01-08T09:00:00.000Z";
const readingRevised = "2025-02-01T09:00:00.000Z";
const writingAchieved = "2025-03-10T09:00:00.000Z";
const achievedOn = "2025-03-01";
const meetingDropped = "2025-04-01T09:00:00.000Z";

const harness = useRecordedHistory([goalHistoryProjection], async ({ append }) => {
  const stream = initiativeStream(initiative);
  await append(
    stream,
    "GoalSet",
    { goalId: reading, statement: "Fler barn läser varje dag", indicator: "Andel som läser", targetDate: "2025-12-31" },
    { recordedAt: readingSet },
  );
  await append(stream, "GoalSet", { goalId: writing, statement: "Alla skriver en berättelse" }, { recordedAt: writingSet });
  await append(stream, "GoalSet", { goalId: meeting, statement: "Träffas varje månad" }, { recordedAt: meetingSet });
  await append(initiativeStream(other), "GoalSet", { goalId: othersGoal, statement: "Annat mål" }, { recordedAt: othersSet });
  await append(
    stream,
    "GoalRevised",
    { goalId: reading, statement: "Alla barn läser varje dag", targetDate: "2026-06-30", reason: "Höjd ambition" },
    { recordedAt: readingRevised },
  );
  await append(
    stream,
    "GoalAchieved",
    { goalId: writing, evidence: "Antologin trycktes", on: achievedOn },
    { recordedAt: writingAchieved },
  );
  await append(stream, "GoalDropped", { goalId: meeting, reason: "Ersatt av check-ins" }, { recordedAt: meetingDropped });
});

const active = (at: string, asOf?: string) => activeGoals(harness.db, initiative, { at, asOf });

describe("goalHistory", () => {
  const version = {
    version: 1,
    change: "set",
    status: "active",
    indicator: null,
    targetDate: null,
    achievedOn: null,
    evidence: null,
    reason: null,
  };
  const readingV1 = {
    ...version,
    goalId: reading,
    statement: "Fler barn läser varje dag",
    indicator: "Andel som läser",
    targetDate: "2025-12-31",
    recordedAt: readingSet,
  };
  const writingV1 = { ...version, goalId: writing, statement: "Alla skriver en berättelse", recordedAt: writingSet };
  const meetingV1 = { ...version, goalId: meeting, statement: "Träffas varje månad", recordedAt: meetingSet };
  // A revision restates the goal: the indicator it leaves out is gone.
  const readingV2 = {
    ...readingV1,
    version: 2,
    change: "revised",
    statement: "Alla barn läser varje dag",
    indicator: null,
    targetDate: "2026-06-30",
    reason: "Höjd ambition",
    recordedAt: readingRevised,
  };
  const writingV2 = {
    ...writingV1,
    version: 2,
    change: "achieved",
    status: "achieved",
    achievedOn,
    evidence: "Antologin trycktes",
    recordedAt: writingAchieved,
  };
  const meetingV2 = {
    ...meetingV1,
    version: 2,
    change: "dropped",
    status: "dropped",
    reason: "Ersatt av check-ins",
    recordedAt: meetingDropped,
  };

  it("holds one row per goal event of the initiative, oldest first, carrying the wording forward", () => {
    expect(goalHistory(harness.db, initiative)).toEqual([readingV1, writingV1, meetingV1, readingV2, writingV2, meetingV2]);
  });

  it("holds the rows recorded by asOf, from the instant each was recorded", () => {
    expect(goalHistory(harness.db, initiative, { asOf: "2025-01-05T08:59:59.999Z" })).toEqual([]);
    expect(goalHistory(harness.db, initiative, { asOf: readingSet })).toEqual([readingV1]);
    expect(goalHistory(harness.db, initiative, { asOf: "2025-02-01T08:59:59.999Z" })).toEqual([readingV1, writingV1, meetingV1]);
    expect(goalHistory(harness.db, initiative, { asOf: readingRevised })).toEqual([readingV1, writingV1, meetingV1, readingV2]);
  });

  it("answers only for the initiative asked about", () => {
    expect(goalHistory(harness.db, other).map((g) => g.goalId)).toEqual([othersGoal]);
  });
});

describe("activeGoals", () => {
  const readingAsSet = {
    goalId: reading,
    statement: "Fler barn läser varje dag",
    indicator: "Andel som läser",
    targetDate: "2025-12-31",
  };
  const readingAsRevised = { goalId: reading, statement: "Alla barn läser varje dag", targetDate: "2026-06-30" };
  const writingGoal = { goalId: writing, statement: "Alla skriver en berättelse" };
  const meetingGoal = { goalId: meeting, statement: "Träffas varje månad" };

  it("has a goal from the instant it was set, in the order goals were set", () => {
    expect(active("2025-01-05", "2025-01-05T08:59:59.999Z")).toEqual([]);
    expect(active("2025-01-05", readingSet)).toEqual([readingAsSet]);
    expect(active("2025-01-07", meetingSet)).toEqual([readingAsSet, writingGoal, meetingGoal]);
  });

  it("shows a revision's wording from the instant it was recorded", () => {
    expect(active("2025-02-01", "2025-02-01T08:59:59.999Z")[0]).toEqual(readingAsSet);
    expect(active("2025-02-01", readingRevised)[0]).toEqual(readingAsRevised);
  });

  it("keeps an achieved goal active through the day before it was achieved", () => {
    expect(active("2025-02-28")).toEqual([readingAsRevised, writingGoal, meetingGoal]);
    expect(active(achievedOn)).toEqual([readingAsRevised, meetingGoal]);
    expect(active("2025-03-02")).toEqual([readingAsRevised, meetingGoal]);
  });

  it("keeps a goal active on any day until its achievement is recorded", () => {
    expect(active("2025-03-05", "2025-03-10T08:59:59.999Z")).toEqual([readingAsRevised, writingGoal, meetingGoal]);
    expect(active("2025-03-05", writingAchieved)).toEqual([readingAsRevised, meetingGoal]);
  });

  it("drops a goal from the day the drop was recorded, once it is recorded", () => {
    expect(active("2025-04-01", "2025-04-01T08:59:59.999Z")).toContainEqual(meetingGoal);
    expect(active("2025-04-01", meetingDropped)).not.toContainEqual(meetingGoal);
    expect(active("2025-04-02")).toEqual([readingAsRevised]);
  });

  it("keeps a dropped goal active on the days before the drop: the drop does not rewrite the past", () => {
    expect(active("2025-01-10", meetingDropped)).toContainEqual(meetingGoal);
    expect(active("2025-03-31")).toEqual([readingAsRevised, meetingGoal]);
  });
});

it("rebuilds to exactly the rows it keeps live", () => expectRebuildMatchesLive(harness, { goal_versions: 7 }));

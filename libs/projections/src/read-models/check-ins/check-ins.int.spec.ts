import { randomUUID } from "node:crypto";
import { type CheckInId, type InitiativeId, type MandatEventOf, type PersonId, initiativeStream } from "#domain";
import { describe, expect, it } from "vitest";
import { expectRebuildMatchesLive, useRecordedHistory } from "../../../testing/projection-harness.js";
import { checkInsProjection } from "./projection.js";
import { checkIns, checkInSchedule } from "./queries.js";

const initiative = randomUUID() as InitiativeId;
const other = randomUUID() as InitiativeId;
const cadenceOnly = randomUUID() as InitiativeId;
const quiet = randomUUID() as InitiativeId;
const participants = [randomUUID(), randomUUID()] as PersonId[];
const january10 = randomUUID() as CheckInId;
const january8 = randomUUID() as CheckInId;
const february3 = randomUUID() as CheckInId;
const march3 = randomUUID() as CheckInId;
const march3Later = randomUUID() as CheckInId;
const othersCheckIn = randomUUID() as CheckInId;

// Recorded times, in the order the store records them.
const fortnightAgreed = "2025-01-05T09:00:00.000Z";
const january10Recorded = "2025-01-10T15:00:00.000Z";
const othersRecorded = "2025-01-12T15:00:00.000Z";
const february3Recorded = "2025-02-03T16:00:00.000Z";
const january8Recorded = "2025-02-04T08:00:00.000Z"; // held before the others, recorded late
const monthlyAgreedElsewhere = "2025-02-15T09:00:00.000Z";
const weeklyAgreed = "2025-03-01T09:00:00.000Z";
const march3Recorded = "2025-03-03T12:00:00.000Z";
const march3LaterRecorded = "2025-03-03T14:00:00.000Z";

type CheckInHeld = MandatEventOf<"CheckInHeld">["data"];
const held = (checkInId: CheckInId, heldOn: string, extra: Partial<CheckInHeld> = {}): CheckInHeld => ({
  checkInId,
  heldOn,
  participants,
  mandateClarity: 4,
  confidence: 3,
  leadershipNeeded: "more-space",
  notes: "",
  ...extra,
});

const harness = useRecordedHistory([checkInsProjection], async ({ append }) => {
  const stream = initiativeStream(initiative);
  await append(stream, "CheckInCadenceAgreed", { everyDays: 14 }, { recordedAt: fortnightAgreed });
  await append(stream, "CheckInHeld", held(january10, "2025-01-10", { notes: "Tydligt mandat" }), {
    recordedAt: january10Recorded,
  });
  await append(initiativeStream(other), "CheckInHeld", held(othersCheckIn, "2025-01-12"), { recordedAt: othersRecorded });
  await append(
    stream,
    "CheckInHeld",
    held(february3, "2025-02-03", {
      mandateClarity: 2,
      confidence: 5,
      leadershipNeeded: "more-direction",
      nextCheckInOn: "2025-02-20",
    }),
    { recordedAt: february3Recorded },
  );
  await append(stream, "CheckInHeld", held(january8, "2025-01-08"), { recordedAt: january8Recorded });
  await append(initiativeStream(cadenceOnly), "CheckInCadenceAgreed", { everyDays: 30 }, { recordedAt: monthlyAgreedElsewhere });
  await append(stream, "CheckInCadenceAgreed", { everyDays: 7 }, { recordedAt: weeklyAgreed });
  await append(stream, "CheckInHeld", held(march3, "2025-03-03"), { recordedAt: march3Recorded });
  await append(stream, "CheckInHeld", held(march3Later, "2025-03-03", { leadershipNeeded: "as-is" }), {
    recordedAt: march3LaterRecorded,
  });
});

describe("checkIns", () => {
  it("lists the initiative's check-ins by the day they were held, then by recording", () => {
    const list = checkIns(harness.db, initiative);
    expect(list.map((c) => c.checkInId)).toEqual([january8, january10, february3, march3, march3Later]);
    expect(list[1]).toEqual({
      checkInId: january10,
      heldOn: "2025-01-10",
      participants,
      mandateClarity: 4,
      confidence: 3,
      leadershipNeeded: "more-space",
      notes: "Tydligt mandat",
      nextCheckInOn: null,
      recordedAt: january10Recorded,
    });
    expect(list[2]).toMatchObject({
      mandateClarity: 2,
      confidence: 5,
      leadershipNeeded: "more-direction",
      nextCheckInOn: "2025-02-20",
    });
  });

  it("keeps each initiative's check-ins to itself", () => {
    expect(checkIns(harness.db, other).map((c) => c.checkInId)).toEqual([othersCheckIn]);
    expect(checkIns(harness.db, quiet)).toEqual([]);
  });

  it("shows a check-in from the instant it was recorded", () => {
    const ids = (asOf: string) => checkIns(harness.db, initiative, { asOf }).map((c) => c.checkInId);
    expect(ids("2025-02-04T07:59:59.999Z")).toEqual([january10, february3]);
    expect(ids(january8Recorded)).toEqual([january8, january10, february3]);
    expect(ids("2025-02-04T08:00:00.001Z")).toEqual([january8, january10, february3]);
    expect(ids("2025-01-10T14:59:59.999Z")).toEqual([]);
  });
});

describe("checkInSchedule", () => {
  const schedule = (at: string, asOf?: string) => checkInSchedule(harness.db, initiative, { at, ...(asOf ? { asOf } : {}) });

  it("has nothing due for an initiative without check-ins or cadence", () => {
    expect(checkInSchedule(harness.db, quiet, { at: "2025-03-01" })).toEqual({
      cadenceDays: null,
      lastCheckIn: null,
      nextCheckInDue: null,
      checkInOverdue: false,
    });
  });

  it("with a cadence and no check-in yet, is due a cadence after the day it was agreed", () => {
    const cadenceOnlyOn = (at: string, asOf?: string) =>
      checkInSchedule(harness.db, cadenceOnly, { at, ...(asOf ? { asOf } : {}) });
    // Agreed 2025-02-15 (Stockholm), every 30 days: due 2025-03-17.
    expect(cadenceOnlyOn("2025-03-17")).toEqual({
      cadenceDays: 30,
      lastCheckIn: null,
      nextCheckInDue: "2025-03-17",
      checkInOverdue: false,
    });
    expect(cadenceOnlyOn("2025-03-18")).toMatchObject({ nextCheckInDue: "2025-03-17", checkInOverdue: true });
    expect(cadenceOnlyOn("2025-06-01")).toMatchObject({ checkInOverdue: true });
    // A day before it was agreed, the same cadence is due, not overdue.
    expect(cadenceOnlyOn("2025-02-14")).toMatchObject({ nextCheckInDue: "2025-03-17", checkInOverdue: false });
  });

  it("with no check-in yet, knows the cadence only from the instant it was recorded", () => {
    const cadenceOnlyOn = (asOf: string) => checkInSchedule(harness.db, cadenceOnly, { at: "2025-06-01", asOf });
    expect(cadenceOnlyOn("2025-02-15T08:59:59.999Z")).toEqual({
      cadenceDays: null,
      lastCheckIn: null,
      nextCheckInDue: null,
      checkInOverdue: false,
    });
    expect(cadenceOnlyOn(monthlyAgreedElsewhere)).toMatchObject({ nextCheckInDue: "2025-03-17", checkInOverdue: true });
  });

  it("before the first check-in held by `at`, counts from the day the cadence was agreed", () => {
    // A fortnight from 2025-01-05; the check-in of 2025-01-08 is not yet held on 2025-01-07.
    expect(schedule("2025-01-07", january8Recorded)).toMatchObject({
      lastCheckIn: null,
      nextCheckInDue: "2025-01-19",
      checkInOverdue: false,
    });
    // Known before the 8 January check-in was recorded, the 10th's is the first: on the 9th none is held yet.
    expect(schedule("2025-01-09", january10Recorded)).toMatchObject({ lastCheckIn: null, nextCheckInDue: "2025-01-19" });
    // Once the cadence is weekly (agreed 2025-03-01), a day with no check-in held counts from that day.
    expect(schedule("2025-01-07")).toMatchObject({ cadenceDays: 7, lastCheckIn: null, nextCheckInDue: "2025-03-08" });
  });

  it("has nothing due after a check-in without a next date or cadence", () => {
    expect(checkInSchedule(harness.db, other, { at: "2025-06-01" })).toMatchObject({
      cadenceDays: null,
      lastCheckIn: { checkInId: othersCheckIn },
      nextCheckInDue: null,
      checkInOverdue: false,
    });
  });

  it("takes the last check-in held by `at`, not one held after it", () => {
    expect(schedule("2025-02-02").lastCheckIn?.checkInId).toBe(january10);
    expect(schedule("2025-02-03").lastCheckIn).toEqual({
      checkInId: february3,
      heldOn: "2025-02-03",
      mandateClarity: 2,
      confidence: 5,
      leadershipNeeded: "more-direction",
    });
    expect(schedule("2025-02-04").lastCheckIn?.checkInId).toBe(february3);
    expect(schedule("2025-01-07").lastCheckIn).toBeNull();
  });

  it("takes the later recorded of two check-ins held the same day", () => {
    expect(schedule("2025-03-03").lastCheckIn?.checkInId).toBe(march3Later);
  });

  it("takes the last check-in as known at `asOf`, a late-recorded one from its recording on", () => {
    expect(schedule("2025-02-10", "2025-02-03T15:59:59.999Z").lastCheckIn?.checkInId).toBe(january10);
    expect(schedule("2025-02-10", february3Recorded).lastCheckIn?.checkInId).toBe(february3);
    expect(schedule("2025-01-09", "2025-02-04T07:59:59.999Z").lastCheckIn).toBeNull();
    expect(schedule("2025-01-09", january8Recorded).lastCheckIn?.checkInId).toBe(january8);
  });

  it("sets the next check-in due a cadence after the last one, overdue only after the due day", () => {
    const asOf = january8Recorded; // the fortnightly cadence still holds
    expect(schedule("2025-01-23", asOf)).toEqual({
      cadenceDays: 14,
      lastCheckIn: expect.objectContaining({ checkInId: january10 }),
      nextCheckInDue: "2025-01-24",
      checkInOverdue: false,
    });
    expect(schedule("2025-01-24", asOf)).toMatchObject({ nextCheckInDue: "2025-01-24", checkInOverdue: false });
    expect(schedule("2025-01-25", asOf)).toMatchObject({ nextCheckInDue: "2025-01-24", checkInOverdue: true });
  });

  it("prefers the next date the last check-in set over the cadence", () => {
    expect(schedule("2025-02-19")).toMatchObject({ cadenceDays: 7, nextCheckInDue: "2025-02-20", checkInOverdue: false });
    expect(schedule("2025-02-20")).toMatchObject({ nextCheckInDue: "2025-02-20", checkInOverdue: false });
    expect(schedule("2025-02-21")).toMatchObject({ nextCheckInDue: "2025-02-20", checkInOverdue: true });
  });

  it("counts a cadence only from the instant it was agreed", () => {
    expect(schedule("2025-01-20", "2025-03-01T08:59:59.999Z")).toMatchObject({ cadenceDays: 14, nextCheckInDue: "2025-01-24" });
    expect(schedule("2025-01-20", weeklyAgreed)).toMatchObject({
      cadenceDays: 7,
      nextCheckInDue: "2025-01-17",
      checkInOverdue: true,
    });
    expect(schedule("2025-03-10")).toMatchObject({ cadenceDays: 7, nextCheckInDue: "2025-03-10", checkInOverdue: false });
    expect(checkInSchedule(harness.db, initiative, { at: "2025-01-20", asOf: "2025-01-05T08:59:59.999Z" })).toMatchObject({
      cadenceDays: null,
      lastCheckIn: null,
    });
  });
});

it("rebuilds to exactly the rows it keeps live", () => expectRebuildMatchesLive(harness, { check_ins: 6, check_in_cadences: 3 }));

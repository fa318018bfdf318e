import { randomUUID } from "node:crypto";
import { type EscalationLevel, type InitiativeId, type MandatEventOf, type SignalId, tensionStream } from "#domain";
import { describe, expect, it } from "vitest";
import { expectRebuildMatchesLive, useRecordedHistory } from "../../../testing/projection-harness.js";
import { tensionTimelineProjection } from "./projection.js";
import { openTensions, tensionTimeline } from "./queries.js";

const initiative = randomUUID() as InitiativeId;
const other = randomUUID() as InitiativeId;
// shared: both initiatives, escalated twice, resolved. late: recorded after, escalated back-dated, dropped.
const shared = randomUUID();
const late = randomUUID();
const coreTeamOnly = randomUUID();
const othersFirst = randomUUID();
const othersSecond = randomUUID();
const monthEnd = randomUUID();

// Recorded times, in the order the store records them.
const sharedRaised = "2025-01-06T09:00:00.000Z";
const othersRaised = "2025-01-08T09:00:00.000Z";
const coreTeamRaised = "2025-01-10T09:00:00.000Z";
const sharedIntensified = "2025-01-20T09:00:00.000Z";
const sharedToCoreTeam = "2025-01-21T09:00:00.000Z";
const sharedToBoard = "2025-02-10T09:00:00.000Z";
const sharedResolved = "2025-02-16T09:00:00.000Z";
const lateRaised = "2025-02-17T09:00:00.000Z"; // raised on 2025-01-15, recorded a month later
const lateIntensified = "2025-02-18T09:00:00.000Z";
const lateToOrganisation = "2025-02-19T09:00:00.000Z";
const lateToCoreTeam = "2025-02-20T09:00:00.000Z";
const lateDropped = "2025-03-03T09:00:00.000Z";
const monthEndRaised = "2025-03-31T09:00:00.000Z";
const monthEndIntensified = "2025-03-31T10:00:00.000Z";

type TensionRaised = MandatEventOf<"TensionRaised">["data"];
const raised = (
  initiativeIds: InitiativeId[],
  raisedOn: string,
  intensity: number,
  extra: Partial<TensionRaised> = {},
): TensionRaised => ({
  initiativeIds,
  category: "roles",
  description: "Roller glider in i varandra",
  intensity,
  raisedOn,
  ...extra,
});

const intensityChange = (intensity: number, on: string) => ({ intensity, note: "Förändrad", on });
const escalation = (to: EscalationLevel, on: string) => ({ to, note: "Behöver lyftas", on });

const harness = useRecordedHistory([tensionTimelineProjection], async ({ append }) => {
  await append(
    tensionStream(shared),
    "TensionRaised",
    raised([initiative, other], "2025-01-06", 3, {
      category: "line-vs-collaboration",
      source: { signalId: randomUUID() as SignalId },
    }),
    { recordedAt: sharedRaised },
  );
  await append(tensionStream(othersFirst), "TensionRaised", raised([other], "2025-01-07", 1), { recordedAt: othersRaised });
  await append(tensionStream(othersSecond), "TensionRaised", raised([other], "2025-01-08", 1), { recordedAt: othersRaised });
  await append(tensionStream(coreTeamOnly), "TensionRaised", raised([], "2025-01-10", 5), { recordedAt: coreTeamRaised });
  await append(tensionStream(shared), "TensionIntensityChanged", intensityChange(5, "2025-01-20"), {
    recordedAt: sharedIntensified,
  });
  await append(tensionStream(shared), "TensionEscalated", escalation("core-team", "2025-01-21"), {
    recordedAt: sharedToCoreTeam,
  });
  await append(tensionStream(shared), "TensionEscalated", escalation("board", "2025-02-10"), { recordedAt: sharedToBoard });
  await append(
    tensionStream(shared),
    "TensionResolved",
    { resolution: "Rollerna förtydligade", resolvedOn: "2025-02-16" },
    { recordedAt: sharedResolved },
  );
  await append(tensionStream(late), "TensionRaised", raised([initiative], "2025-01-15", 2), { recordedAt: lateRaised });
  await append(tensionStream(late), "TensionIntensityChanged", intensityChange(4, "2025-01-31"), { recordedAt: lateIntensified });
  await append(tensionStream(late), "TensionEscalated", escalation("organisation", "2025-01-25"), {
    recordedAt: lateToOrganisation,
  });
  await append(tensionStream(late), "TensionEscalated", escalation("core-team", "2025-01-22"), { recordedAt: lateToCoreTeam });
  await append(
    tensionStream(late),
    "TensionDropped",
    { reason: "Inte längre aktuell", on: "2025-03-03" },
    { recordedAt: lateDropped },
  );
  await append(tensionStream(monthEnd), "TensionRaised", raised([initiative], "2025-03-31", 1), { recordedAt: monthEndRaised });
  await append(tensionStream(monthEnd), "TensionIntensityChanged", intensityChange(2, "2025-03-31"), {
    recordedAt: monthEndIntensified,
  });
});

describe("tensionTimeline", () => {
  it("buckets by month, from the month containing `from` to the one containing `to`", () => {
    expect(tensionTimeline(harness.db, initiative, { from: "2025-01-15", to: "2025-04-02", bucket: "month" })).toEqual([
      { periodStart: "2025-01-01", raised: 2, resolved: 0, open: 2, meanIntensity: 4.5 },
      { periodStart: "2025-02-01", raised: 0, resolved: 1, open: 1, meanIntensity: 4 },
      // Dropped is closed but not resolved; raised on the last day of the month is open at its end.
      { periodStart: "2025-03-01", raised: 1, resolved: 0, open: 1, meanIntensity: 2 },
      { periodStart: "2025-04-01", raised: 0, resolved: 0, open: 1, meanIntensity: 2 },
    ]);
  });

  it("buckets by ISO week from Monday, empty weeks included, intensity as of each week's end", () => {
    expect(tensionTimeline(harness.db, initiative, { from: "2025-01-01", to: "2025-01-21", bucket: "week" })).toEqual([
      { periodStart: "2024-12-30", raised: 0, resolved: 0, open: 0, meanIntensity: null },
      { periodStart: "2025-01-06", raised: 1, resolved: 0, open: 1, meanIntensity: 3 },
      // The change to 5 holds from Monday 2025-01-20, after this week's end.
      { periodStart: "2025-01-13", raised: 1, resolved: 0, open: 2, meanIntensity: 2.5 },
      { periodStart: "2025-01-20", raised: 0, resolved: 0, open: 2, meanIntensity: 3.5 },
    ]);
  });

  it("does not count a tension closed on a period's last day as open at its end", () => {
    expect(tensionTimeline(harness.db, initiative, { from: "2025-02-10", to: "2025-02-17", bucket: "week" })).toEqual([
      { periodStart: "2025-02-10", raised: 0, resolved: 1, open: 1, meanIntensity: 4 },
      { periodStart: "2025-02-17", raised: 0, resolved: 0, open: 1, meanIntensity: 4 },
    ]);
  });

  it("gives each initiative its own timeline, the mean rounded to two decimals", () => {
    expect(tensionTimeline(harness.db, other, { from: "2025-01-06", to: "2025-01-31", bucket: "month" })).toEqual([
      { periodStart: "2025-01-01", raised: 3, resolved: 0, open: 3, meanIntensity: 2.33 },
    ]);
    expect(tensionTimeline(harness.db, other, { from: "2025-01-06", to: "2025-01-12", bucket: "week" })).toEqual([
      { periodStart: "2025-01-06", raised: 3, resolved: 0, open: 3, meanIntensity: 1.67 },
    ]);
  });

  it("leaves a tension without initiatives out of every timeline", () => {
    const stranger = randomUUID();
    expect(tensionTimeline(harness.db, stranger, { from: "2025-01-01", to: "2025-02-28", bucket: "month" })).toEqual([
      { periodStart: "2025-01-01", raised: 0, resolved: 0, open: 0, meanIntensity: null },
      { periodStart: "2025-02-01", raised: 0, resolved: 0, open: 0, meanIntensity: null },
    ]);
    expect(harness.db.prepare("SELECT count(*) AS n FROM tension_initiatives WHERE tension_id = ?").get(coreTeamOnly)).toEqual({
      n: 0,
    });
  });

  it("gives no periods when `from` is after `to`", () => {
    expect(tensionTimeline(harness.db, initiative, { from: "2025-02-01", to: "2025-01-01", bucket: "month" })).toEqual([]);
  });
});

describe("openTensions", () => {
  const open = (at: string, asOf?: string) => openTensions(harness.db, initiative, { at, ...(asOf ? { asOf } : {}) });

  it("lists a tension from the day it was raised", () => {
    expect(open("2025-01-05")).toEqual([]);
    expect(open("2025-01-06")).toEqual([
      { tensionId: shared, category: "line-vs-collaboration", intensity: 3, raisedOn: "2025-01-06", escalatedTo: null },
    ]);
  });

  it("lists the open tensions oldest first", () => {
    expect(open("2025-02-01").map((t) => t.tensionId)).toEqual([shared, late]);
  });

  it("gives the intensity holding on `at`, the later recorded of two changes the same day", () => {
    expect(open("2025-01-19")[0]).toMatchObject({ tensionId: shared, intensity: 3 });
    expect(open("2025-01-20")[0]).toMatchObject({ tensionId: shared, intensity: 5 });
    expect(open("2025-03-31")).toEqual([
      { tensionId: monthEnd, category: "roles", intensity: 2, raisedOn: "2025-03-31", escalatedTo: null },
    ]);
  });

  it("gives the escalation level holding on `at`", () => {
    const escalatedTo = (at: string) => open(at)[0]?.escalatedTo;
    expect(escalatedTo("2025-01-20")).toBeNull();
    expect(escalatedTo("2025-01-21")).toBe("core-team");
    expect(escalatedTo("2025-02-09")).toBe("core-team");
    expect(escalatedTo("2025-02-10")).toBe("board");
  });

  it("orders escalations by their day, whatever the order they were recorded in", () => {
    const lateTension = (at: string) => open(at).find((t) => t.tensionId === late);
    expect(lateTension("2025-01-21")?.escalatedTo).toBeNull();
    expect(lateTension("2025-01-22")?.escalatedTo).toBe("core-team");
    expect(lateTension("2025-01-24")?.escalatedTo).toBe("core-team");
    expect(lateTension("2025-01-25")?.escalatedTo).toBe("organisation");
    // Recorded last but dated earlier, the core-team escalation does not displace the organisation one.
    expect(lateTension("2025-03-02")?.escalatedTo).toBe("organisation");
  });

  it("drops a tension on the day it was resolved or dropped", () => {
    expect(open("2025-02-15").map((t) => t.tensionId)).toEqual([shared, late]);
    expect(open("2025-02-16").map((t) => t.tensionId)).toEqual([late]);
    expect(open("2025-03-02").map((t) => t.tensionId)).toEqual([late]);
    expect(open("2025-03-03")).toEqual([]);
  });

  it("knows of a tension from the instant its raise was recorded", () => {
    expect(open("2025-01-20", "2025-02-17T08:59:59.999Z").map((t) => t.tensionId)).toEqual([shared]);
    expect(open("2025-01-20", lateRaised).map((t) => t.tensionId)).toEqual([shared, late]);
    expect(open("2025-01-06", "2025-01-06T08:59:59.999Z")).toEqual([]);
  });

  it("knows of a closing from the instant it was recorded", () => {
    expect(open("2025-03-01", "2025-02-16T08:59:59.999Z").map((t) => t.tensionId)).toEqual([shared]);
    expect(open("2025-03-01", sharedResolved)).toEqual([]);
    expect(open("2025-03-05", "2025-03-03T08:59:59.999Z").map((t) => t.tensionId)).toEqual([late]);
    expect(open("2025-03-05", lateDropped)).toEqual([]);
  });

  it("knows of an intensity change and an escalation from the instant each was recorded", () => {
    const lateTension = (asOf: string) => open("2025-02-05", asOf).find((t) => t.tensionId === late);
    expect(lateTension("2025-02-18T08:59:59.999Z")?.intensity).toBe(2);
    expect(lateTension(lateIntensified)?.intensity).toBe(4);
    expect(lateTension("2025-02-19T08:59:59.999Z")?.escalatedTo).toBeNull();
    expect(lateTension(lateToOrganisation)?.escalatedTo).toBe("organisation");
    expect(open("2025-02-11", "2025-02-10T08:59:59.999Z")[0]?.escalatedTo).toBe("core-team");
    expect(open("2025-02-11", sharedToBoard)[0]?.escalatedTo).toBe("board");
  });
});

it("keeps the closing and the source on the tension", () => {
  const row = (id: string) => harness.db.prepare("SELECT * FROM tensions WHERE tension_id = ?").get(id);
  expect(row(shared)).toMatchObject({
    closed_as: "resolved",
    closed_on: "2025-02-16",
    closed_at: sharedResolved,
    resolution: "Rollerna förtydligade",
    source: expect.stringContaining("signalId"),
  });
  expect(row(late)).toMatchObject({
    closed_as: "dropped",
    closed_on: "2025-03-03",
    closed_at: lateDropped,
    resolution: null,
    source: null,
  });
});

it("rebuilds to exactly the rows it keeps live", () =>
  expectRebuildMatchesLive(harness, { tensions: 6, tension_escalations: 4 }));

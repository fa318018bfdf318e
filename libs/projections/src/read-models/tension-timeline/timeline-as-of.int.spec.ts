import { randomUUID } from "node:crypto";
import { type InitiativeId, tensionStream } from "#domain";
import { expect, it } from "vitest";
import { useRecordedHistory } from "../../../testing/projection-harness.js";
import { tensionTimelineProjection } from "./projection.js";
import { tensionTimeline } from "./queries.js";

// The timeline on both axes: periods are valid time (raisedOn, on, resolvedOn), asOf recorded time.
const initiative = randomUUID() as InitiativeId;
const tension = randomUUID();
const raisedRecorded = "2025-02-03T09:00:00.000Z"; // raised on 2025-01-06, recorded a month later
const intensifiedRecorded = "2025-02-04T09:00:00.000Z";
const resolvedRecorded = "2025-02-05T09:00:00.000Z";

const harness = useRecordedHistory([tensionTimelineProjection], async ({ append }) => {
  const stream = tensionStream(tension);
  const raise = { initiativeIds: [initiative], category: "roles" as const, description: "Oklara roller", intensity: 2 };
  await append(stream, "TensionRaised", { ...raise, raisedOn: "2025-01-06" }, { recordedAt: raisedRecorded });
  await append(
    stream,
    "TensionIntensityChanged",
    { intensity: 4, note: "Växer", on: "2025-01-13" },
    {
      recordedAt: intensifiedRecorded,
    },
  );
  await append(stream, "TensionResolved", { resolution: "Klart", resolvedOn: "2025-01-20" }, { recordedAt: resolvedRecorded });
});

const timeline = (asOf?: string) =>
  tensionTimeline(harness.db, initiative, { from: "2025-01-06", to: "2025-01-26", bucket: "week", ...(asOf ? { asOf } : {}) });
const week = (raised: number, resolved: number, open: number, meanIntensity: number | null) => ({
  raised,
  resolved,
  open,
  meanIntensity,
});

it("counts, as known now, a tension raised, intensified and resolved in valid time", () => {
  expect(timeline().map(({ periodStart: _, ...counts }) => counts)).toEqual([
    week(1, 0, 1, 2),
    week(0, 0, 1, 4),
    week(0, 1, 0, null),
  ]);
});

it("knows nothing before the raise was recorded, however early it was raised", () => {
  expect(timeline("2025-02-03T08:59:59.999Z").every((p) => p.raised === 0 && p.open === 0)).toBe(true);
});

it("keeps the tension open and its first intensity until the change and the resolution are recorded", () => {
  const counts = (asOf: string) => timeline(asOf).map(({ periodStart: _, ...c }) => c);
  expect(counts(raisedRecorded)).toEqual([week(1, 0, 1, 2), week(0, 0, 1, 2), week(0, 0, 1, 2)]);
  expect(counts(intensifiedRecorded)).toEqual([week(1, 0, 1, 2), week(0, 0, 1, 4), week(0, 0, 1, 4)]);
  expect(counts(resolvedRecorded)).toEqual([week(1, 0, 1, 2), week(0, 0, 1, 4), week(0, 1, 0, null)]);
});

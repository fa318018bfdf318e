import { randomUUID } from "node:crypto";
import { initiativeStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, expectRebuildMatchesLive, useProjectionHarness } from "../../../testing/projection-harness.js";
import { WHOLE_LIST } from "../../runner/pagination.js";
import { indicatorReadingsProjection } from "./projection.js";
import { indicatorReadingsPage } from "./queries.js";

const harness = useProjectionHarness([indicatorReadingsProjection]);

const initiativeId = randomUUID();
const goalId = randomUUID();
const otherGoal = randomUUID();
const reading = (goal: string, value: number, on: string) => ({
  goalId: goal,
  readingId: randomUUID(),
  value,
  unit: "barn per vecka",
  on,
});
const march = reading(goalId, 30, "2025-03-01");
const june = reading(goalId, 42, "2025-06-01");
/** Taken in April, recorded last: it takes its place by its day. */
const april = { ...reading(goalId, 35.5, "2025-04-01"), note: "Efter påsklovet" };
const ofOtherGoal = reading(otherGoal, 7, "2025-05-01");

const aGoalsReadings = async () => {
  const append = (data: object, recordedAt: string) =>
    harness.append(initiativeStream(initiativeId), "IndicatorReadingRecorded", data as Payload<"IndicatorReadingRecorded">, {
      recordedAt,
    });
  await append(march, "2025-03-02T09:00:00.000Z");
  await append(june, "2025-06-02T09:00:00.000Z");
  await append(ofOtherGoal, "2025-06-03T09:00:00.000Z");
  await append(april, "2025-06-10T09:00:00.000Z");
  await harness.sync();
};
const valuesOf = (options: { goalId?: string; asOf?: string; at?: string }) =>
  indicatorReadingsPage(harness.db, initiativeId, { ...options, page: WHOLE_LIST }).items.map((r) => r.value);

describe("indicator readings", () => {
  it("lists a goal's readings by the day read, each as recorded", async () => {
    await aGoalsReadings();
    const { items } = indicatorReadingsPage(harness.db, initiativeId, { goalId, page: WHOLE_LIST });
    expect(items).toEqual([
      { ...march, note: null, recordedAt: "2025-03-02T09:00:00.000Z" },
      { ...april, recordedAt: "2025-06-10T09:00:00.000Z" },
      { ...june, note: null, recordedAt: "2025-06-02T09:00:00.000Z" },
    ]);
    expect(valuesOf({})).toEqual([30, 35.5, 7, 42]);
  });

  it("on at: the readings taken by then; as known at asOf: those recorded by then", async () => {
    await aGoalsReadings();
    expect(valuesOf({ goalId, at: "2025-05-31" })).toEqual([30, 35.5]);
    expect(valuesOf({ goalId, asOf: "2025-06-09T23:59:59.999Z" })).toEqual([30, 42]);
    expect(valuesOf({ goalId, asOf: "2025-06-09T23:59:59.999Z", at: "2025-05-31" })).toEqual([30]);
    expect(valuesOf({ goalId, asOf: "2025-03-01T00:00:00.000Z" })).toEqual([]);
  });

  it("pages by the day read and the position", async () => {
    await aGoalsReadings();
    const first = indicatorReadingsPage(harness.db, initiativeId, { goalId, page: { limit: 2 } });
    expect(first.items.map((r) => r.value)).toEqual([30, 35.5]);
    const second = indicatorReadingsPage(harness.db, initiativeId, { goalId, page: { limit: 2, after: first.nextAfter! } });
    expect(second).toEqual({ items: [expect.objectContaining({ value: 42 })], nextAfter: null });
  });

  it("rebuilds to exactly the rows it holds live", async () => {
    await aGoalsReadings();
    await expectRebuildMatchesLive(harness);
  });
});

import { budgetStream } from "#domain";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../../testing/command-runtime.js";
import { DEMO_FOCUS_AREA } from "./demo-cast.js";
import { loadDemoHistory } from "./demo-history.js";
import { fixedClock } from "./fixed-clock.js";

const runtime = useCommandRuntime();
const loadAt = (instant: string) => runtime.runtime.runPromise(Effect.withClock(loadDemoHistory, fixedClock(new Date(instant))));
const budget2025 = () => Effect.runPromise(runtime.store.readStream(budgetStream(DEMO_FOCUS_AREA, 2025)));

describe("the demo's external funding", () => {
  // The earliest day the demo loads on leaves the least room before its present day.
  it.each(["2025-10-01T12:00:00.000Z", "2026-03-10T12:00:00.000Z"])(
    "loaded at %s: funding applied for on the initiatives' lines, one granted and one rejected, recorded in June 2025",
    async (instant) => {
      const summary = await loadAt(instant);
      const events = await budget2025();
      const fundings = events
        .filter((event) => event.type === "ExternalFundingRecorded")
        .map((event) => event.data as Record<string, unknown>);
      expect(fundings).toEqual([
        expect.objectContaining({ initiativeId: summary.initiatives.arby, amountSek: 120_000 }),
        expect.objectContaining({
          initiativeId: summary.initiatives.dromfabriken,
          status: "applied",
          lineId: expect.any(String),
        }),
        expect.objectContaining({
          initiativeId: summary.initiatives.utmaningsdriven,
          status: "applied",
          lineId: expect.any(String),
        }),
      ]);
      const changes = events.filter((event) => event.type === "ExternalFundingStatusChanged");
      expect(changes.map((event) => [event.data, event.recordedAt.slice(0, 10)])).toEqual([
        [expect.objectContaining({ fundingId: fundings[1]!.fundingId, status: "granted", amountSek: 300_000 }), "2025-06-30"],
        [expect.objectContaining({ fundingId: fundings[2]!.fundingId, status: "rejected" }), "2025-06-30"],
      ]);
    },
  );

  it("loaded on 2026-03-10: the 2027 budget proposed the day before, beside the approved 2025 budget", async () => {
    await loadAt("2026-03-10T12:00:00.000Z");
    const events = await Effect.runPromise(runtime.store.readStream(budgetStream(DEMO_FOCUS_AREA, 2027)));
    expect(events.map((event) => [event.type, event.recordedAt.slice(0, 10)])).toEqual([["BudgetProposed", "2026-03-09"]]);
  });

  it("contributions in kind of the spring term 2025, recorded on 1 July 2025: three initiatives and the focus area", async () => {
    const summary = await loadAt("2025-10-01T12:00:00.000Z");
    const contributions = (await budget2025()).filter((event) => event.type === "ContributionInKindRecorded");
    expect(contributions.map((event) => event.recordedAt.slice(0, 10))).toEqual([
      "2025-07-01",
      "2025-07-01",
      "2025-07-01",
      "2025-07-01",
    ]);
    expect(contributions.map((event) => (event.data as { initiativeId?: string }).initiativeId)).toEqual([
      summary.initiatives.dromfabriken,
      summary.initiatives.arby,
      summary.initiatives.utmaningsdriven,
      undefined,
    ]);
    expect(contributions.reduce((sum, event) => sum + (event.data as { valueSek: number }).valueSek, 0)).toBe(954_000);
  });

  it("readings of Drömfabriken's goal over the spring, and a reflection on 1 July 2025 that cites them", async () => {
    await loadAt("2025-10-01T12:00:00.000Z");
    const reflections = (await budget2025()).filter((event) => event.type === "ValueReflectionRecorded");
    const cited = reflections.at(-1)!;
    expect(cited.recordedAt.slice(0, 10)).toBe("2025-07-01");
    expect(cited.data).toMatchObject({
      goalIds: [expect.any(String)],
      readingIds: [expect.any(String), expect.any(String), expect.any(String)],
    });
  });
});

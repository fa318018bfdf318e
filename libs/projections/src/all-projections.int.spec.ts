import { Effect } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { HistoryGenerator } from "../testing/history-generator.js";
import { type ProjectionHarness, projectionHarness } from "../testing/projection-harness.js";
import { allProjections } from "./all-projections.js";

let harness: ProjectionHarness;
afterEach(() => harness.dispose());

describe("every read model", () => {
  it("holds, live, exactly the rows a full rebuild from the log gives", async () => {
    harness = projectionHarness(allProjections);
    await harness.sync();
    // The runner follows while the history is written, batch after batch.
    const generator = new HistoryGenerator(harness.store, { initiatives: 40, eventsPerInitiative: 120, seed: 7 });
    await Effect.runPromise(generator.run());
    expect(generator.written).toBeGreaterThan(4_000);
    const { live, rebuilt } = await harness.rebuiltBeside();
    for (const [table, rows] of Object.entries(live)) {
      expect(rows.length, `${table} has rows`).toBeGreaterThan(0);
      expect(rebuilt[table], table).toEqual(rows);
    }
    expect(harness.runner.status().every((projection) => projection.state === "live")).toBe(true);
  }, 60_000);
});

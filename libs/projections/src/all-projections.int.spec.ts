import { randomUUID } from "node:crypto";
import { type InitiativeId, type IsoDate, type MandateId, addDays } from "#domain";
import { Effect } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { HistoryGenerator } from "../testing/history-generator.js";
import { type ProjectionHarness, projectionHarness } from "../testing/projection-harness.js";
import { allProjections } from "./all-projections.js";
import { initiativeOverview } from "./read-models/initiative-overview/overview.js";
import { mandateHistory } from "./read-models/mandate-history/queries.js";
import { openReadModelDatabase } from "./runner/read-model-database.js";
import { rebuildProjections } from "./runner/rebuild.js";

let harness: ProjectionHarness;
afterEach(() => harness.dispose());

describe("every read model", () => {
  it("holds, live, exactly the rows a full rebuild from the log gives", async () => {
    // On a file, the rebuild takes the log in from a reader thread, as a server's does.
    harness = projectionHarness(allProjections, { log: "file" });
    await harness.sync();
    // The runner follows while the history is written, batch after batch.
    const generator = new HistoryGenerator(harness.store, { initiatives: 40, eventsPerInitiative: 120, seed: 7 });
    await Effect.runPromise(generator.run());
    expect(generator.written).toBeGreaterThan(4_000);
    // A thread that cannot start (no built script) hands over to the caller's thread with a warning.
    const handedOver: string[] = [];
    const onWarning = (warning: Error & { code?: string }) => {
      if (warning.code === "MANDAT_LOG_READER_THREAD") handedOver.push(warning.message);
    };
    process.on("warning", onWarning);
    const { live, rebuilt } = await harness.rebuiltBeside().finally(async () => {
      // Warnings are emitted on the next tick: let them arrive before listening stops.
      await new Promise(setImmediate);
      process.off("warning", onWarning);
    });
    expect(handedOver, "the rebuild read the log on its thread").toEqual([]);
    for (const [table, rows] of Object.entries(live)) {
      expect(rows.length, `${table} has rows`).toBeGreaterThan(0);
      expect(rebuilt[table], table).toEqual(rows);
    }
    expect(harness.runner.status().every((projection) => projection.state === "live")).toBe(true);
  }, 60_000);

  it("answers the overview and the mandate history alike, live and rebuilt, for every asOf and at", async () => {
    harness = projectionHarness(allProjections);
    await harness.sync();
    const generator = new HistoryGenerator(harness.store, { initiatives: 4, eventsPerInitiative: 300, seed: 13 });
    const initiatives = await Effect.runPromise(generator.run());
    await harness.sync();
    // Signals citing clauses, recorded on later instants, so that asOf and the versions' windows count them.
    const mandates = harness.db
      .prepare<[], { initiativeId: InitiativeId; mandateId: MandateId; validFrom: IsoDate }>(
        "SELECT initiative_id AS initiativeId, mandate_id AS mandateId, valid_from AS validFrom FROM mandate_versions WHERE version = 1",
      )
      .all();
    const asOfs: Array<string | undefined> = [undefined, "2024-01-01T08:00:00.000Z"];
    for (const [i, { initiativeId, mandateId, validFrom }] of mandates.entries()) {
      if (i % 3 !== 0) continue;
      const recordedAt = new Date(Date.parse("2024-02-01T08:00:00.000Z") + i * 3_600_000).toISOString();
      if (asOfs.length < 8) asOfs.push(recordedAt);
      await harness.append(
        `signal-${randomUUID()}`,
        "SignalSubmitted",
        {
          initiativeId,
          kind: "observation",
          summary: "Vid kanten",
          mandatePosition: (["within", "at-edge", "beyond"] as const)[i % 3]!,
          mandateId,
          clauseId: (["S1", "B1", "P1"] as const)[i % 3]!,
          observedOn: addDays(validFrom, i % 40),
        },
        { recordedAt },
      );
    }
    await harness.sync();
    const rebuilt = openReadModelDatabase(":memory:");
    try {
      await Effect.runPromise(rebuildProjections(rebuilt, harness.store, allProjections));
      let cited = 0;
      for (const initiativeId of initiatives) {
        for (const asOf of asOfs) {
          const history = mandateHistory(harness.db, initiativeId, { asOf });
          expect(mandateHistory(rebuilt, initiativeId, { asOf })).toEqual(history);
          cited += history
            .flatMap((version) => version.clauses)
            .filter((clause) => clause.signals.within + clause.signals["at-edge"] + clause.signals.beyond > 0).length;
          for (let day = 0; day < 2_000; day += 97) {
            const at = addDays("2020-02-01", day);
            expect(initiativeOverview(rebuilt, initiativeId, { asOf, at }), `${asOf} ${at}`).toEqual(
              initiativeOverview(harness.db, initiativeId, { asOf, at }),
            );
          }
        }
      }
      // The answers compared hold signals per clause, not only empty counts.
      expect(cited).toBeGreaterThan(0);
    } finally {
      rebuilt.close();
    }
  }, 60_000);
});

import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteEventStore } from "#event-store/sqlite";
import { Effect } from "effect";
import { afterAll, describe, expect, it } from "vitest";
import { HistoryGenerator } from "../../testing/history-generator.js";
import { snapshot } from "../../testing/projection-harness.js";
import { allProjections } from "../all-projections.js";
import { Checkpoints } from "./checkpoints.js";
import { ProjectionRunner } from "./projection-runner.js";
import { openReadModelDatabase } from "./read-model-database.js";
import { rebuildProjections } from "./rebuild.js";

const root = join(import.meta.dirname, "../../../..");
const crashingProjector = join(import.meta.dirname, "../../testing/crash-while-projecting.mjs");
const built = join(root, "dist/libs/projections/src/index.js");
const dir = mkdtempSync(join(tmpdir(), "mandat-checkpoint-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Follows the log (or rebuilds from it) in a process that kills itself in the middle of the batch holding `crashAt`. */
function crashAt(
  logPath: string,
  readModelsPath: string,
  position: number,
  mode: "follow" | "rebuild" = "follow",
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [crashingProjector, mode, logPath, readModelsPath, String(position)], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve() : reject(new Error(`projector exited: ${stderr}`))));
  });
}

describe("read-model checkpoints when the process is killed mid-batch", () => {
  it("resume without applying an event twice or skipping one", async () => {
    expect(existsSync(built), `${built} is missing: npm test builds it, or run npm run build`).toBe(true);
    const logPath = join(dir, "events.sqlite");
    const readModelsPath = join(dir, "read-models.sqlite");
    const store = SqliteEventStore.open({ path: logPath });
    try {
      await Effect.runPromise(new HistoryGenerator(store, { initiatives: 30, eventsPerInitiative: 150, seed: 3 }).run());
      const head = await Effect.runPromise(store.headPosition);

      const crashPosition = Math.floor(head / 3) + 17;
      await crashAt(logPath, readModelsPath, crashPosition);
      const survivor = openReadModelDatabase(readModelsPath);
      // The batch in flight is gone with its checkpoint; every earlier batch is kept whole.
      const afterCrash = new Checkpoints(survivor).all();
      expect(afterCrash).toHaveLength(allProjections.length);
      for (const checkpoint of afterCrash) {
        expect(checkpoint.position).toBeGreaterThan(0);
        expect(checkpoint.position).toBeLessThan(crashPosition);
      }

      const runner = new ProjectionRunner(survivor, store, allProjections);
      await Effect.runPromise(runner.start());
      expect(await Effect.runPromise(runner.waitFor(head, 20_000))).toBe(true);
      await Effect.runPromise(runner.stop());

      const fresh = openReadModelDatabase(":memory:");
      await Effect.runPromise(rebuildProjections(fresh, store, allProjections));
      const tables = allProjections.flatMap((projection) => Object.keys(projection.tables));
      expect(snapshot(survivor, tables)).toEqual(snapshot(fresh, tables));
      survivor.close();
      fresh.close();
    } finally {
      store.close();
    }
  }, 60_000);

  it("leave the read models in service whole when a rebuild is killed half-way, and drop its tables at the next start", async () => {
    const logPath = join(dir, "rebuilt-events.sqlite");
    const readModelsPath = join(dir, "rebuilt-read-models.sqlite");
    const store = SqliteEventStore.open({ path: logPath });
    const tables = allProjections.flatMap((projection) => Object.keys(projection.tables));
    try {
      await Effect.runPromise(new HistoryGenerator(store, { initiatives: 20, eventsPerInitiative: 150, seed: 4 }).run());
      const head = await Effect.runPromise(store.headPosition);
      const db = openReadModelDatabase(readModelsPath);
      await Effect.runPromise(rebuildProjections(db, store, allProjections));
      const before = { checkpoints: new Checkpoints(db).all(), rows: snapshot(db, tables) };
      db.close();

      await crashAt(logPath, readModelsPath, Math.floor(head / 2), "rebuild");
      const survivor = openReadModelDatabase(readModelsPath);
      // Readers still see the generation in service, every row of it, and its checkpoints.
      expect(new Checkpoints(survivor).all()).toEqual(before.checkpoints);
      expect(snapshot(survivor, tables)).toEqual(before.rows);
      const generations = () =>
        survivor
          .prepare<[], { name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_\\_g%' ESCAPE '\\'",
          )
          .all()
          .map(({ name }) => name.replace(/^.*__g/, "g"));
      // The half-built generation is there until the next start drops it.
      expect(new Set(generations())).toEqual(new Set(["g1", "g2"]));

      const runner = new ProjectionRunner(survivor, store, allProjections);
      await Effect.runPromise(runner.start());
      expect(await Effect.runPromise(runner.waitFor(head, 20_000))).toBe(true);
      await Effect.runPromise(runner.stop());
      expect(new Set(generations())).toEqual(new Set(["g1"]));
      expect(snapshot(survivor, tables)).toEqual(before.rows);
      survivor.close();
    } finally {
      store.close();
    }
  }, 60_000);
});

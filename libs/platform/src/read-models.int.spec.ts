import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore } from "#event-store";
import { unstartableProjection as unstartable } from "#projections/testing";
import { Effect } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type MandatConfig, loadConfig } from "./config.js";
import { openRuntime, runOn } from "./effect-runtime.js";
import { ReadModels, mandatLayerWithReadModels } from "./read-models.js";

let dir: string;
let config: MandatConfig;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mandat-read-models-layer-"));
  config = loadConfig({
    MANDAT_SQLITE_PATH: join(dir, "mandat.sqlite"),
    MANDAT_READ_MODELS_PATH: join(dir, "read-models.sqlite"),
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The databases a runtime writes: the log, the keys, the read models. */
const databases = () => [config.embeddedLogPath, config.keysPath, config.readModelsPath];
/** SQLite deletes a database's write-ahead log when the last connection to it closes. */
const stillOpen = () => databases().filter((path) => existsSync(`${path}-wal`));

describe("the stores and read models as one runtime", () => {
  it("keeps the read models fed while open; disposing stops the runner and closes every connection", async () => {
    const runtime = await openRuntime(mandatLayerWithReadModels(config));
    const { runner, db } = await runOn(runtime, ReadModels);
    const head = await runOn(
      runtime,
      Effect.flatMap(EventStore, (store) => store.headPosition),
    );
    expect(await Effect.runPromise(runner.waitFor(head, 5_000))).toBe(true);
    expect(runner.status().every((status) => status.state === "live")).toBe(true);
    expect(db.readonly).toBe(true);
    expect(stillOpen()).toEqual(databases());

    await runtime.dispose();
    expect(db.open).toBe(false);
    expect(stillOpen()).toEqual([]);
  });

  it("fails to open when the runner fails to start, closing the stores and the read-model database it had opened", async () => {
    await expect(openRuntime(mandatLayerWithReadModels(config, { projections: [unstartable] }))).rejects.toThrow(/syntax error/);
    expect(existsSync(config.readModelsPath)).toBe(true);
    expect(stillOpen()).toEqual([]);
  });
});

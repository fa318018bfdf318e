import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore, StoreUnavailable } from "#event-store";
import { type MandatConfig, loadConfig } from "#platform";
import { unstartableProjection as unstartable } from "#projections/testing";
import { Effect } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MandatRuntime } from "./mandat-runtime.js";

let dir: string;
let config: MandatConfig;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mandat-runtime-"));
  config = loadConfig({
    MANDAT_SQLITE_PATH: join(dir, "mandat.sqlite"),
    MANDAT_READ_MODELS_PATH: join(dir, "read-models.sqlite"),
    AUTH_JWT_SECRET: "a-secret-of-at-least-thirty-two-characters",
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The databases the runtime writes: the log, the keys, the read models. */
const databases = () => [config.embeddedLogPath, config.keysPath, config.readModelsPath];
/** SQLite deletes a database's write-ahead log when the last connection to it closes. */
const stillOpen = () => databases().filter((path) => existsSync(`${path}-wal`));

describe("MandatRuntime", () => {
  it("opens the stores and the read models, runs effects on them, and closes them all", async () => {
    const runtime = await MandatRuntime.open(config);
    expect(await runtime.readModelsAtHead(5_000)).toBe(true);
    expect(runtime.runner.caughtUp).toBe(true);
    expect(runtime.readModels.readonly).toBe(true);
    expect(await runtime.run(Effect.flatMap(EventStore, (store) => store.headPosition))).toBe(0);
    expect(stillOpen()).toEqual(databases());

    await runtime.close();
    expect(runtime.readModels.open).toBe(false);
    expect(stillOpen()).toEqual([]);
  });

  it("throws an effect's typed failure as is from run", async () => {
    const runtime = await MandatRuntime.open(config);
    try {
      const failure = new StoreUnavailable({ reason: "gone" });
      await expect(runtime.run(Effect.fail(failure))).rejects.toBe(failure);
    } finally {
      await runtime.close();
    }
  });

  it("does not open when the projection runner fails to start, and leaves the log, the keys and the read models closed", async () => {
    await expect(MandatRuntime.open(config, { projections: [unstartable] })).rejects.toThrow(/syntax error/);
    expect(existsSync(config.embeddedLogPath)).toBe(true);
    expect(stillOpen()).toEqual([]);
  });
});

import { join } from "node:path";
import { loadDemoHistory } from "#application";
import { type MandatConfig, loadConfig } from "#platform";
import { expect } from "vitest";
import { MandatRuntime } from "../mandat-runtime.js";

/**
 * The configuration of a runtime whose files are all in `dir`; `readModels` names its
 * read-model database, so that a second runtime on the same log can be another process's.
 */
export const configIn = (dir: string, readModels = "read-models.sqlite"): MandatConfig =>
  loadConfig({
    MANDAT_SQLITE_PATH: join(dir, "mandat.sqlite"),
    MANDAT_KEYS_PATH: join(dir, "keys.sqlite"),
    MANDAT_READ_MODELS_PATH: join(dir, readModels),
    AUTH_JWT_SECRET: "a-secret-of-at-least-thirty-two-characters",
  });

/** A runtime over files in `dir` holding the demo history, its read models caught up. */
export async function openDemoRuntime(dir: string): Promise<MandatRuntime> {
  const runtime = await MandatRuntime.open(configIn(dir));
  await runtime.run(loadDemoHistory);
  expect(await runtime.readModelsAtHead(30_000)).toBe(true);
  return runtime;
}

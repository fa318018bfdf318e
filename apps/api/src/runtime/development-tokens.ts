import { type DevelopmentIdentity, developmentIdentities } from "#platform";
import type { MandatRuntime } from "./mandat-runtime.js";

/**
 * Whom the printed development tokens speak for. A demo history loaded at start is already
 * projected; an existing log may still be catching up after a restart.
 */
export async function developmentTokens(runtime: MandatRuntime): Promise<ReadonlyArray<DevelopmentIdentity>> {
  await runtime.readModelsAtHead(10_000);
  return runtime.run(developmentIdentities(runtime.readModels, new Date()));
}

import { describePeople as describe, type PersonView } from "#projections";
import { KeyStore } from "#privacy";
import { Effect } from "effect";
import type { MandatRuntime } from "./mandat-runtime.js";

/** The people's names as the HTTP layer shows them, opened with their keys now. */
export const describePeople = (runtime: MandatRuntime, personIds: ReadonlyArray<string>): Promise<Map<string, PersonView>> =>
  runtime.run(Effect.flatMap(KeyStore, (keys) => describe(runtime.readModels, keys, personIds)));

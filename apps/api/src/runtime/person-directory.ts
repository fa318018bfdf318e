import { describePeople as describe, type PersonView } from "#platform";
import { KeyStore } from "#privacy";
import { Effect } from "effect";
import type { MandatRuntime } from "./mandat-runtime.js";

export type { PersonView };

/** The people's names as the HTTP layer shows them, opened with their keys now. */
export const describePeople = (runtime: MandatRuntime, personIds: ReadonlyArray<string>): Promise<Map<string, PersonView>> =>
  runtime.effects.runPromise(Effect.flatMap(KeyStore, (keys) => describe(runtime.readModels, keys, personIds)));

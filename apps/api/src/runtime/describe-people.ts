import { describePeople as describe, type PersonView } from "#platform";
import { KeyStore } from "#privacy";
import { Effect } from "effect";
import { runToPromise } from "../cqrs/execute-command.js";
import type { MandatRuntime } from "./mandat-runtime.js";

/** The people's names as the HTTP layer shows them, opened with their keys now. */
export const describePeople = async (runtime: MandatRuntime, personIds: ReadonlyArray<string>): Promise<Map<string, PersonView>> =>
  runToPromise(await runtime.effects.runPromiseExit(Effect.flatMap(KeyStore, (keys) => describe(runtime.readModels, keys, personIds))));

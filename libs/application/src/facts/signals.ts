import { signalDecider, signalStream } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { loadState } from "../read-state.js";

/** Fact for references to a signal (a mandate amendment it triggered): it was submitted for this initiative. */
export const signalConcerns = (
  store: EventStoreService,
  signalId: string,
  initiativeId: string,
): Effect.Effect<boolean, StoreUnavailable> =>
  Effect.map(
    loadState(store, signalStream(signalId), signalDecider),
    ({ state }) => state.status !== "not-submitted" && state.initiativeId === initiativeId,
  );

import { tensionDecider, tensionStream } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { loadState } from "../read-state.js";

/** Fact for references to a tension (a mandate amendment, a signal's answer): it was raised about this initiative. */
export const tensionConcerns = (
  store: EventStoreService,
  tensionId: string,
  initiativeId: string,
): Effect.Effect<boolean, StoreUnavailable> =>
  Effect.map(
    loadState(store, tensionStream(tensionId), tensionDecider),
    ({ state }) => state.status !== "not-raised" && state.initiativeIds.some((id) => id === initiativeId),
  );

import {
  type MandateId,
  type MandateTrigger,
  type SignalFollowUp,
  initiativeDecider,
  initiativeStream,
  signalDecider,
  signalStream,
  tensionDecider,
  tensionStream,
} from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { loadState } from "../read-state.js";

/** A reference to a signal (a mandate amendment it triggered): it was submitted for this initiative. */
export const signalConcerns = (
  store: EventStoreService,
  signalId: string,
  initiativeId: string,
): Effect.Effect<boolean, StoreUnavailable> =>
  Effect.map(
    loadState(store, signalStream(signalId), signalDecider),
    ({ state }) => state.status !== "not-submitted" && state.initiativeId === initiativeId,
  );

/** A reference to a tension (a mandate amendment, a signal's answer): it was raised about this initiative. */
export const tensionConcerns = (
  store: EventStoreService,
  tensionId: string,
  initiativeId: string,
): Effect.Effect<boolean, StoreUnavailable> =>
  Effect.map(
    loadState(store, tensionStream(tensionId), tensionDecider),
    ({ state }) => state.status !== "not-raised" && state.initiativeIds.some((id) => id === initiativeId),
  );

/** A reference to a mandate (a signal's answer): the initiative granted it. */
const mandateConcerns = (
  store: EventStoreService,
  mandateId: MandateId,
  initiativeId: string,
): Effect.Effect<boolean, StoreUnavailable> =>
  Effect.map(
    loadState(store, initiativeStream(initiativeId), initiativeDecider),
    ({ state }) => state.status !== "unregistered" && state.mandates.has(mandateId),
  );

/**
 * Fact for rules on what a command points at, such as the trigger of a mandate amendment
 * or the follow-up of a signal's answer: the signal, tension or mandate concerns this
 * initiative. Pointing at nothing is fine.
 */
export const referenceConcerns = (
  store: EventStoreService,
  reference: MandateTrigger | SignalFollowUp | undefined,
  initiativeId: string,
): Effect.Effect<boolean, StoreUnavailable> => {
  if (reference === undefined) return Effect.succeed(true);
  if ("signalId" in reference) return signalConcerns(store, reference.signalId, initiativeId);
  if ("tensionId" in reference) return tensionConcerns(store, reference.tensionId, initiativeId);
  return mandateConcerns(store, reference.mandateId, initiativeId);
};

import type { InitiativeEventOf, SignalFollowUp } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { initiativeEventAt } from "./initiative-event-at.js";

/**
 * Fact for `mandate-adjustment-needs-amendment`: the amendment a signal's answer cites is
 * the `MandateAmended` event at that revision of the initiative stream, amends the mandate
 * named, and names this signal as its trigger. A follow-up that cites no amendment has
 * nothing to check (the decider decides whether it must cite one).
 */
export const amendmentTriggeredBySignal = (
  store: EventStoreService,
  followUp: SignalFollowUp | undefined,
  initiativeId: string,
  signalId: string,
): Effect.Effect<boolean, StoreUnavailable> => {
  if (followUp === undefined || !("mandateId" in followUp) || followUp.amendment === undefined) return Effect.succeed(false);
  const { mandateId, amendment } = followUp;
  return Effect.map(initiativeEventAt(store, initiativeId, amendment), (event) => {
    if (event?.type !== "MandateAmended") return false;
    const data = event.data as InitiativeEventOf<"MandateAmended">["data"];
    return data.mandateId === mandateId && data.triggeredBy !== undefined && "signalId" in data.triggeredBy
      ? data.triggeredBy.signalId === signalId
      : false;
  });
};

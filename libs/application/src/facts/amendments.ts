import { type InitiativeEventOf, type SignalFollowUp, initiativeStream } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";

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
  return store.readStream(initiativeStream(initiativeId), { fromRevision: amendment, maxCount: 1 }).pipe(
    Effect.map(([event]) => {
      if (event?.revision !== amendment || event.type !== "MandateAmended") return false;
      const data = event.data as InitiativeEventOf<"MandateAmended">["data"];
      return data.mandateId === mandateId && data.triggeredBy !== undefined && "signalId" in data.triggeredBy
        ? data.triggeredBy.signalId === signalId
        : false;
    }),
    Effect.catchTag("StreamNotFound", () => Effect.succeed(false)),
  );
};

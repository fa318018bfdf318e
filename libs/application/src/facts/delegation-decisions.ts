import { type DelegationDecisionRef, delegationDecisionKey, initiativeStream } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";

/** The mandate events a Core Team member may record between meetings, citing no meeting's decision. */
export const DELEGABLE_MANDATE_EVENTS: ReadonlySet<string> = new Set([
  "MandateGranted",
  "MandateAmended",
  "MandateRenewed",
  "MandateRevoked",
]);

/**
 * Fact for reporting delegation decisions: which of `refs` name a mandate event recorded
 * without a `decision` (as `initiativeId/revision`). Each is one event read by its revision.
 */
export const delegationDecisionsAmong = (
  store: EventStoreService,
  refs: ReadonlyArray<DelegationDecisionRef>,
): Effect.Effect<ReadonlySet<string>, StoreUnavailable> =>
  Effect.map(
    Effect.filter(
      refs,
      (ref) =>
        store.readStream(initiativeStream(ref.initiativeId), { fromRevision: ref.revision, maxCount: 1 }).pipe(
          Effect.map(([event]) => {
            if (event?.revision !== ref.revision || !DELEGABLE_MANDATE_EVENTS.has(event.type)) return false;
            return (event.data as { decision?: unknown }).decision === undefined;
          }),
          Effect.catchTag("StreamNotFound", () => Effect.succeed(false)),
        ),
      { concurrency: "unbounded" },
    ),
    (found) => new Set(found.map(delegationDecisionKey)),
  );

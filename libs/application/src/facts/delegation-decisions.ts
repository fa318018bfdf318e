import { type DelegationDecisionRef, delegationDecisionKey } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { initiativeEventAt } from "./initiative-event-at.js";

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
        Effect.map(
          initiativeEventAt(store, ref.initiativeId, ref.revision),
          (event) =>
            event !== undefined &&
            DELEGABLE_MANDATE_EVENTS.has(event.type) &&
            (event.data as { decision?: unknown }).decision === undefined,
        ),
      { concurrency: "unbounded" },
    ),
    (found) => new Set(found.map(delegationDecisionKey)),
  );

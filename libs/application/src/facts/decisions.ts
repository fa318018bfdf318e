import { type DecisionKind, type DecisionRef, meetingDecider, meetingStream } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import { loadState } from "../read-state.js";

/**
 * Fact for rules on cited decisions ("approved by a budget decision"): the kind of the
 * decision `ref` names, undefined when its meeting records no such decision.
 */
export const recordedDecisionKind = (
  store: EventStoreService,
  ref: DecisionRef,
): Effect.Effect<DecisionKind | undefined, StoreUnavailable> =>
  Effect.map(loadState(store, meetingStream(ref.meetingId), meetingDecider), ({ state }) =>
    state.status === "not-held" || state.status === "planned" ? undefined : state.decisions.get(ref.decisionId),
  );

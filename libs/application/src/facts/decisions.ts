import { type DecisionKind, type DecisionRef, meetingDecider, meetingStream } from "#domain";
import type { EventStoreService, StoreUnavailable } from "#event-store";
import { Effect, Option } from "effect";
import { readState } from "../read-state.js";

/**
 * Fact for rules on cited decisions ("approved by a budget decision"): the kind of the
 * decision `ref` names, undefined when its meeting records no such decision.
 */
export const recordedDecisionKind = (
  store: EventStoreService,
  ref: DecisionRef,
): Effect.Effect<DecisionKind | undefined, StoreUnavailable> =>
  Effect.map(readState(store, meetingStream(ref.meetingId), meetingDecider), (meeting) =>
    Option.isSome(meeting) && meeting.value.status !== "not-held"
      ? meeting.value.decisions.get(ref.decisionId)
      : undefined,
  );

import { type Decider, type DomainEvent, fold } from "#domain";
import type { ActualRevision, EventStoreService, RecordedEvent, StoreUnavailable } from "#event-store";
import { Effect } from "effect";

export type Evolving<Event extends DomainEvent, State> = Pick<Decider<unknown, Event, State>, "initialState" | "evolve">;

export interface LoadedState<State> {
  readonly state: State;
  readonly revision: ActualRevision;
}

/**
 * A stream folded into its current state, with the revision it was read at. A stream with
 * no events is the decider's initial state, which every stream's state tells apart
 * ("unregistered", "not-raised", ...).
 */
export const loadState = <Event extends DomainEvent, State>(
  store: EventStoreService,
  streamId: string,
  decider: Evolving<Event, State>,
): Effect.Effect<LoadedState<State>, StoreUnavailable> =>
  store.readStream(streamId).pipe(
    Effect.map((events: ReadonlyArray<RecordedEvent>) => ({
      // A recorded event is a domain event with its envelope around it; evolve reads type and data.
      state: fold(decider, events as unknown as ReadonlyArray<Event>),
      revision: events.at(-1)?.revision ?? ("no-stream" as const),
    })),
    Effect.catchTag("StreamNotFound", () => Effect.succeed({ state: decider.initialState, revision: "no-stream" as const })),
  );

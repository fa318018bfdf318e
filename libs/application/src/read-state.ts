import { type Decider, type DomainEvent, fold } from "#domain";
import type { ActualRevision, EventStoreService, RecordedEvent, StoreUnavailable } from "#event-store";
import { Effect, Option } from "effect";

type Evolving<Event extends DomainEvent, State> = Pick<Decider<unknown, Event, State>, "initialState" | "evolve">;

export interface LoadedState<State> {
  readonly state: State;
  readonly revision: ActualRevision;
}

/** A stream folded into its current state, with the revision it was read at. */
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
    Effect.catchTag("StreamNotFound", () =>
      Effect.succeed({ state: decider.initialState, revision: "no-stream" as const }),
    ),
  );

/**
 * Another stream's current state, for commands whose rules need facts from elsewhere
 * (a signal needs its initiative). None when the stream has no events.
 */
export const readState = <Event extends DomainEvent, State>(
  store: EventStoreService,
  streamId: string,
  decider: Evolving<Event, State>,
): Effect.Effect<Option.Option<State>, StoreUnavailable> =>
  Effect.map(loadState(store, streamId, decider), ({ state, revision }) =>
    revision === "no-stream" ? Option.none() : Option.some(state),
  );

import { type Decider, type DomainEvent, foldFrom } from "#domain";
import type { ActualRevision, EventStoreService, RecordedEvent, StoreUnavailable } from "#event-store";
import { Effect, Option } from "effect";
import { CommandStreams } from "./command-streams.js";
import type { FoldedAt, StreamStateCache } from "./stream-state-cache.js";

export type Evolving<Event extends DomainEvent, State> = Pick<Decider<unknown, Event, State>, "initialState" | "evolve">;

export interface LoadedState<State> {
  readonly state: State;
  readonly revision: ActualRevision;
}

/**
 * A stream folded into its current state, with the revision it was read at. A stream with
 * no events is the decider's initial state, which every stream's state tells apart
 * ("unregistered", "not-raised", ...).
 *
 * Where CommandStreams is provided and `store` is the one its cache serves, a stream read
 * lately is not read again whole: the events after the cached revision are read (another
 * process may have appended them) and folded onto the cached state.
 */
export const loadState = <Event extends DomainEvent, State>(
  store: EventStoreService,
  streamId: string,
  decider: Evolving<Event, State>,
): Effect.Effect<LoadedState<State>, StoreUnavailable> =>
  Effect.flatMap(Effect.serviceOption(CommandStreams), (streams) =>
    Option.isSome(streams) && streams.value.states.store === store
      ? loadThroughCache(streams.value.states, streamId, decider)
      : loadWhole(store, streamId, decider),
  );

const loadWhole = <Event extends DomainEvent, State>(
  store: EventStoreService,
  streamId: string,
  decider: Evolving<Event, State>,
): Effect.Effect<LoadedState<State>, StoreUnavailable> =>
  store.readStream(streamId).pipe(
    Effect.map((events: ReadonlyArray<RecordedEvent>) => ({
      // A recorded event is a domain event with its envelope around it; evolve reads type and data.
      state: foldFrom(decider, decider.initialState, events as unknown as ReadonlyArray<Event>),
      revision: events.at(-1)?.revision ?? ("no-stream" as const),
    })),
    Effect.catchTag("StreamNotFound", () => Effect.succeed({ state: decider.initialState, revision: "no-stream" as const })),
  );

const loadThroughCache = <Event extends DomainEvent, State>(
  cache: StreamStateCache,
  streamId: string,
  decider: Evolving<Event, State>,
): Effect.Effect<LoadedState<State>, StoreUnavailable> => {
  const cached = cache.get(streamId, decider);
  const loaded = cached ? loadAfter(cache.store, streamId, decider, cached) : loadWhole(cache.store, streamId, decider);
  return Effect.tap(loaded, ({ state, revision }) => {
    if (revision !== "no-stream") cache.put(streamId, decider, { state, revision });
  });
};

/** `cached` advanced by the events appended after it; the whole stream again if they do not follow on. */
const loadAfter = <Event extends DomainEvent, State>(
  store: EventStoreService,
  streamId: string,
  decider: Evolving<Event, State>,
  cached: FoldedAt<State>,
): Effect.Effect<LoadedState<State>, StoreUnavailable> =>
  store.readStream(streamId, { fromRevision: cached.revision + 1 }).pipe(
    Effect.map((events): LoadedState<State> | undefined => {
      if (events.length === 0) return cached;
      if (events[0]!.revision !== cached.revision + 1) return undefined;
      return {
        state: foldFrom(decider, cached.state, events as unknown as ReadonlyArray<Event>),
        revision: events.at(-1)!.revision,
      };
    }),
    // A store that answers a read past the end as a missing stream is read whole.
    Effect.catchTag("StreamNotFound", () => Effect.succeed(undefined)),
    Effect.flatMap((advanced) => (advanced ? Effect.succeed(advanced) : loadWhole(store, streamId, decider))),
  );

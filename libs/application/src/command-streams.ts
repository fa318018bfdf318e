import { EventStore, type EventStoreService } from "#event-store";
import { Context, Effect, Layer, Option } from "effect";
import { EnqueuedStates } from "./enqueued-states.js";
import { KeyedQueue } from "./keyed-queue.js";
import { StreamStateCache } from "./stream-state-cache.js";

export interface CommandStreamsService {
  /** The states of the streams read lately (read-state.ts `loadState` uses it). */
  readonly states: StreamStateCache;
  /** One command at a time per stream, until its append is enqueued (execute-command.ts). */
  readonly queue: KeyedQueue;
  /** The states that appends enqueued and not yet committed will leave, for the next command to decide on. */
  readonly enqueued: EnqueuedStates;
}

/**
 * What keeps a command's cost flat in its stream's length and its concurrent writers from
 * failing each other, within one process: a cache of folded stream states, a queue per
 * stream, and the states of appends in flight, on which the commands queued on a stream
 * decide without waiting for each other's commits (enqueued-states.ts). Process state, so an application service rather than part of the pure pipeline:
 * optional, so that the pipeline without it still runs (each command folds its whole
 * stream; racing commands rely on the conflict retry alone). The platform's layer provides
 * it beside the event store (libs/platform mandat-layer.ts).
 */
export class CommandStreams extends Context.Tag("@mandat/CommandStreams")<CommandStreams, CommandStreamsService>() {
  /** Over `store`: the cache serves reads of that store object alone. */
  static over(store: EventStoreService, capacity?: number): CommandStreamsService {
    return { states: new StreamStateCache(store, capacity), queue: new KeyedQueue(), enqueued: new EnqueuedStates() };
  }

  /** Over the EventStore of the context; `capacity` streams' states at most. */
  static layer(capacity?: number): Layer.Layer<CommandStreams, never, EventStore> {
    return Layer.effect(
      CommandStreams,
      Effect.map(EventStore, (store) => CommandStreams.over(store, capacity)),
    );
  }
}

/** `effect` alone among this process's commands on `streamId`, where CommandStreams is provided. */
export const oneAtATimeOn = <A, E, R>(streamId: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Effect.flatMap(Effect.serviceOption(CommandStreams), (streams) =>
    Option.isSome(streams) ? streams.value.queue.run(streamId, effect) : effect,
  );

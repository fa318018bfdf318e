import { initiativeStream } from "#domain";
import type { EventStoreService, RecordedEvent, StoreUnavailable } from "#event-store";
import { Effect } from "effect";

/**
 * The event at `revision` of an initiative's stream, or undefined when the stream or that
 * revision does not exist: how a command names a mandate change (an amendment a signal's
 * answer cites, a delegation decision a meeting is told of).
 */
export const initiativeEventAt = (
  store: EventStoreService,
  initiativeId: string,
  revision: number,
): Effect.Effect<RecordedEvent | undefined, StoreUnavailable> =>
  store.readStream(initiativeStream(initiativeId), { fromRevision: revision, maxCount: 1 }).pipe(
    Effect.map(([event]) => (event?.revision === revision ? event : undefined)),
    Effect.catchTag("StreamNotFound", () => Effect.succeed(undefined)),
  );

import type { EventStoreService, RecordedEvent, StoreUnavailable } from "#event-store";
import { Effect } from "effect";

/** The most events one audit read returns. */
export const MAX_AUDIT_EVENTS = 1_000;

export interface AuditQuery {
  /** Only this stream's events. */
  readonly streamId?: string;
  /** Inclusive global position to start from. */
  readonly fromPosition?: number;
  /** At most this many events, never more than MAX_AUDIT_EVENTS. */
  readonly limit: number;
}

/**
 * Events with their full envelopes, in log order, read from the log itself: the audit
 * log has no projection (see the read-models README).
 */
export function auditEvents(
  store: EventStoreService,
  { streamId, fromPosition = 0, limit }: AuditQuery,
): Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> {
  // A negative SQL LIMIT means none at all.
  const count = Math.max(0, Math.min(limit, MAX_AUDIT_EVENTS));
  return streamId === undefined
    ? store.readAll({ fromPosition, maxCount: count })
    : streamEventsFrom(store, streamId, fromPosition, count);
}

/**
 * A stream is read by revision, not position; positions grow with revisions, so pages
 * are read from the start until `count` events at or after `fromPosition` are found.
 */
const streamEventsFrom = (
  store: EventStoreService,
  streamId: string,
  fromPosition: number,
  count: number,
): Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> =>
  Effect.gen(function* () {
    const found: RecordedEvent[] = [];
    let fromRevision = 0;
    while (found.length < count) {
      const page = yield* store.readStream(streamId, { fromRevision, maxCount: MAX_AUDIT_EVENTS });
      found.push(...page.filter((event) => event.position >= fromPosition).slice(0, count - found.length));
      const last = page.at(-1);
      if (!last || page.length < MAX_AUDIT_EVENTS) break;
      fromRevision = last.revision + 1;
    }
    return found;
  }).pipe(Effect.catchTag("StreamNotFound", () => Effect.succeed([])));

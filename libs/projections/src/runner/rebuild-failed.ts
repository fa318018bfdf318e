import type { RecordedEvent } from "#event-store";
import { Data } from "effect";

/**
 * A projection failed on an event during a rebuild; nothing was swapped in. The event is
 * at fault, not the database, so retrying would fail the same way: the operator fixes the
 * projection's code and rebuilds again.
 */
export class RebuildFailed extends Data.TaggedError("RebuildFailed")<{
  readonly projection: string;
  readonly event: RecordedEvent;
  readonly cause: unknown;
}> {
  override get message() {
    const { projection, event, cause } = this;
    return `${projection} failed on ${event.type} ${event.eventId} at position ${event.position}: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

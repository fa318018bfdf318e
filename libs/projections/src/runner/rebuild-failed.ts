import type { RecordedEvent } from "#event-store";
import { Data } from "effect";

/**
 * A projection failed on an event during a rebuild, or its rows broke one of its keys
 * (TableDefinition.keys) as they were indexed; nothing was swapped in. The events are at
 * fault, not the database, so retrying would fail the same way: the operator fixes the
 * projection's code and rebuilds again. A SyntaxError reading an event's metadata is the
 * log's fault instead: it is corrupt there, and `mandat verify` says so.
 */
export class RebuildFailed extends Data.TaggedError("RebuildFailed")<{
  readonly projection: string;
  /** The event it failed on; none when its rows broke a key. */
  readonly event?: RecordedEvent;
  readonly cause: unknown;
}> {
  override get message() {
    const { projection, event, cause } = this;
    const where = event ? `on ${event.type} ${event.eventId} at position ${event.position}` : "as its rows were indexed";
    return `${projection} failed ${where}: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

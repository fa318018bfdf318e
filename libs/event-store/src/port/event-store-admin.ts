import { Context, type Effect } from "effect";
import type { ImportRejected, StoreUnavailable } from "./errors.js";
import type { RecordedEvent } from "./recorded-event.js";

/**
 * What the operators' tools (`mandat import`, `migrate`, `verify`) need of an adapter beyond
 * the port: writing a log in verbatim, and how strictly its positions can be checked.
 * Every adapter implements it on the same object as the port; the application never uses it.
 */
export interface EventStoreAdminService {
  /** True when positions run 1, 2, 3, ... without holes, so verification can spot any removal. */
  readonly densePositions: boolean;

  /**
   * Writes already-recorded events verbatim (ids, revisions, recordedAt, hashes), in order,
   * after what the store holds; each must continue its stream's hash chain. Positions are
   * the store's own. Called once per batch, so it cannot tell a first batch from a later
   * one: an import checks that its target is empty first (requireEmpty).
   */
  /**
   * What the engine finds wrong with its own storage, beyond what the hash chains can see: a
   * damaged database file (a flipped byte in an index), which may read back whole events
   * today and fail tomorrow. Empty when whole. An engine that keeps its own checks
   * (EventStoreDB) answers empty.
   */
  readonly checkStorage: Effect.Effect<ReadonlyArray<string>, StoreUnavailable>;

  readonly importRecorded: (
    events: ReadonlyArray<RecordedEvent>,
  ) => Effect.Effect<{ readonly imported: number }, ImportRejected | StoreUnavailable>;
}

/** The admin side of the configured adapter, over the same log as the raw store. */
export class EventStoreAdmin extends Context.Tag("@mandat/EventStoreAdmin")<EventStoreAdmin, EventStoreAdminService>() {}

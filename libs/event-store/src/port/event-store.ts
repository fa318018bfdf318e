import { Context, type Effect, type Scope, type Stream } from "effect";
import type { EnqueuedAppend } from "./enqueued-append.js";
import type { ConcurrencyConflict, IdempotencyKeyTaken, StoreUnavailable, StreamNotFound } from "./errors.js";
import type { ExpectedRevision } from "./expected-revision.js";
import type { IdempotencyClaim, IdempotencyRecord } from "./idempotency-record.js";
import type { LogCursor, LogCursorOptions } from "./log-cursor.js";
import type { EventToAppend, RecordedEvent } from "./recorded-event.js";

export interface AppendOptions {
  /** Recorded in the same atomic write as the events, or not at all. */
  readonly idempotency?: IdempotencyClaim;
  /**
   * The writer's clock when it decided (the command pipeline passes Effect's Clock, which
   * only code sets: the demo loader, tests). The events are recorded at this instant, or
   * at the latest instant already recorded where they go if that is later, so recordedAt
   * never runs backwards. Without it, the store's own clock.
   */
  readonly now?: Date;
  /**
   * The append this one was decided after, when that one may not have committed yet: this
   * one is written only after it, in the same transaction or a later one. If it failed (or
   * was not written first), this one fails with ConcurrencyConflict even where its expected
   * revision would hold: another writer may have brought the stream to that very revision.
   */
  readonly follows?: EnqueuedAppend;
}

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the stream's last event after the append (-1 if it still has none). */
  readonly revision: number;
  /** Position of the append's last event (the head position for an append of no events). */
  readonly position: number;
  readonly recordedAt: string;
}

export interface ReadStreamOptions {
  /** Inclusive; defaults to the first (forwards) or last (backwards) revision. */
  readonly fromRevision?: number;
  readonly direction?: "forwards" | "backwards";
  readonly maxCount?: number;
  /** Only events recorded at or before this instant: the stream as it was known then. */
  readonly recordedUpTo?: string;
}

export interface ReadAllOptions {
  /** Inclusive; 0 reads from the start. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Inclusive: the first position wanted (a checkpoint + 1 when resuming). */
  readonly fromPosition: number;
  readonly batchSize?: number;
}

/**
 * The one port every event-store adapter implements. Reads return events exactly as
 * stored; upcasting is layered on top (see withUpcasting), so verification and export
 * see what the hashes cover. Operators' tools also use EventStoreAdmin (event-store-admin.ts).
 */
export interface EventStoreService {
  readonly append: (
    streamId: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
    options?: AppendOptions,
  ) => Effect.Effect<AppendResult, ConcurrencyConflict | IdempotencyKeyTaken | StoreUnavailable>;

  /**
   * Takes the append in and answers as soon as it is queued, with a handle on its outcome
   * (`append` is this followed by awaiting the outcome). A later append may name the handle
   * as the one it `follows`. A store that writes before it answers may answer with an
   * append already settled.
   */
  readonly enqueueAppend: (
    streamId: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
    options?: AppendOptions,
  ) => Effect.Effect<EnqueuedAppend>;

  readonly readStream: (
    streamId: string,
    options?: ReadStreamOptions,
  ) => Effect.Effect<ReadonlyArray<RecordedEvent>, StreamNotFound | StoreUnavailable>;

  readonly readAll: (options?: ReadAllOptions) => Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable>;

  /**
   * A cursor over the log from `fromPosition`, for walking all of it (logBatches); it lives
   * as long as the scope. Unlike a loop over readAll, the store may read ahead meanwhile.
   */
  readonly openLogCursor: (options: LogCursorOptions) => Effect.Effect<LogCursor, StoreUnavailable, Scope.Scope>;

  /** Catch-up from `fromPosition`, then live; in position order, never skipping an event. */
  readonly subscribe: (options: SubscribeOptions) => Stream.Stream<RecordedEvent, StoreUnavailable>;

  /** Position of the last committed event, 0 when the log is empty. */
  readonly headPosition: Effect.Effect<number, StoreUnavailable>;

  readonly findIdempotencyRecord: (key: string) => Effect.Effect<IdempotencyRecord | undefined, StoreUnavailable>;
}

export class EventStore extends Context.Tag("@mandat/EventStore")<EventStore, EventStoreService>() {}

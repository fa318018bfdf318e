import type { EventStoreService, RecordedEvent } from "#event-store";
import type Database from "better-sqlite3";
import { Chunk, Effect, Stream } from "effect";
import type { Checkpoints, ProjectionFailure } from "./checkpoints.js";
import { isStorageFailure, writeFailure } from "./read-model-write-failed.js";
import { retrySchedule } from "./retry-schedule.js";
import type { TrackedProjection } from "./tracked-projection.js";

/** What a follower tells the runner that started it. */
export interface FollowerEvents {
  /** A batch committed: positions or states moved, so waiters may be answered. */
  readonly committed: () => void;
  /**
   * Another process (`mandat rebuild`) swapped in a new generation of these projections:
   * they have left this group, to be followed from the checkpoint that process left.
   */
  readonly moved: (projections: ReadonlyArray<TrackedProjection>) => void;
}

/** What one batch did to one projection, kept aside until the batch has committed. */
interface Outcome {
  readonly position: number;
  readonly failure?: ProjectionFailure;
}

/**
 * Feeds a group of projections that stand at the same position from one subscription to
 * the log: reading the log once for all of them is what makes catching up cheap. Each
 * batch is one transaction; each projection writes its share under its own savepoint,
 * with its checkpoint, so an event that makes one throw stops that one alone, with the
 * event named, and a crash can neither apply an event twice nor skip one.
 */
export class GroupFollower {
  private readonly group: TrackedProjection[];

  constructor(
    private readonly db: Database.Database,
    private readonly store: EventStoreService,
    private readonly checkpoints: Checkpoints,
    group: ReadonlyArray<TrackedProjection>,
    private readonly batchSize: number,
    private readonly events: FollowerEvents,
  ) {
    this.group = [...group];
  }

  /**
   * Follows the log until every projection of the group has moved to another follower;
   * never fails: a dropped store connection or a batch the database refuses is retried
   * from where each projection stands then.
   */
  follow(): Effect.Effect<void> {
    // Suspended: after a failure the loop resubscribes from where the projections stand then.
    const subscription = Stream.suspend(() =>
      this.group.length === 0
        ? Stream.empty
        : this.store.subscribe({
            fromPosition: Math.min(...this.group.map((tracked) => tracked.position)) + 1,
            batchSize: this.batchSize,
          }),
    );
    return subscription.pipe(
      // Projections that another process's rebuild moved follow on their own; a group left empty ends.
      Stream.takeWhile(() => this.group.length > 0),
      Stream.runForEachChunk((chunk) =>
        Effect.try({ try: () => this.applyBatch(Chunk.toReadonlyArray(chunk)), catch: writeFailure }),
      ),
      Effect.retry(retrySchedule),
      Effect.orDie,
    );
  }

  private applyBatch(events: ReadonlyArray<RecordedEvent>): void {
    const last = events.at(-1);
    if (!last) return;
    const moved: TrackedProjection[] = [];
    // What the batch will have done to each projection, applied to them only once it has
    // committed: a batch the database refuses leaves them exactly as they were.
    const outcomes = new Map<TrackedProjection, Outcome>();
    const batch = this.db.transaction(() => {
      for (const tracked of this.group) {
        // The checkpoint row is the truth, read inside the write transaction: another process
        // (`mandat state` catching up, `mandat rebuild`) may have moved it since our last batch.
        const stored = this.checkpoints.get(tracked.name);
        if (!stored || stored.generation !== tracked.generation) {
          moved.push(tracked);
          continue;
        }
        const from = Math.max(stored.position, tracked.position);
        // A stopped projection only follows to notice when `mandat rebuild` brings it back.
        if (tracked.state === "stopped") {
          outcomes.set(tracked, { position: from });
          continue;
        }
        // Another process applied events since our last batch: what the handler remembers
        // of its own writes (LastWritten) no longer matches the table, so it starts afresh.
        if (stored.position !== tracked.position) tracked.forgetWrites();
        outcomes.set(tracked, this.applyShare(tracked, events, from, last.position));
      }
      this.checkpoints.anchorAt(last);
    });
    try {
      // IMMEDIATE: take the write lock before reading the checkpoints the batch builds on.
      batch.immediate();
    } catch (error) {
      // Nothing of the batch was committed: handlers that remember what they wrote start afresh.
      for (const tracked of this.group) tracked.forgetWrites();
      throw error;
    }
    for (const [tracked, { position, failure }] of outcomes) {
      tracked.advanceTo(position);
      if (failure) tracked.stop(failure);
    }
    if (moved.length > 0) {
      for (const tracked of moved) this.group.splice(this.group.indexOf(tracked), 1);
      this.events.moved(moved);
    }
    this.events.committed();
  }

  /**
   * One projection's share of the batch, under its own savepoint. An event its code cannot
   * apply stops it alone; a database that cannot write (busy, full, read-only) fails the
   * whole batch, to be retried, since no event is at fault.
   */
  private applyShare(
    tracked: TrackedProjection,
    events: ReadonlyArray<RecordedEvent>,
    from: number,
    lastPosition: number,
  ): Outcome {
    const { projection } = tracked;
    const to = Math.max(lastPosition, from);
    let current: RecordedEvent | undefined;
    try {
      // Nested in the batch's transaction, better-sqlite3 makes this a savepoint.
      this.db.transaction(() => {
        for (const event of events) {
          if (event.position <= from || !projection.eventTypes.has(event.type)) continue;
          current = event;
          tracked.apply(event);
        }
        this.checkpoints.advance(projection.name, to);
      })();
      return { position: to };
    } catch (error) {
      if (isStorageFailure(error)) throw error;
      const failure: ProjectionFailure = {
        position: current?.position ?? lastPosition,
        eventId: current?.eventId ?? "",
        type: current?.type ?? "",
        message: error instanceof Error ? error.message : String(error),
      };
      // The savepoint rolled its rows back; the stop is recorded in the batch, with the checkpoint where it was.
      const checkpoint = this.checkpoints.get(projection.name)!;
      this.checkpoints.put({ ...checkpoint, position: from, status: "stopped", failure });
      return { position: from, failure };
    }
  }
}

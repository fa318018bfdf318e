import type { EventStoreService, StoreUnavailable } from "#event-store";
import type Database from "better-sqlite3";
import { Effect, Fiber } from "effect";
import { type Checkpoint, Checkpoints, type LogAnchor, type ProjectionFailure } from "./checkpoints.js";
import { createGeneration, dropAbandonedGenerations, dropGeneration, pointViewsAt } from "./generations.js";
import { GroupFollower } from "./group-follower.js";
import { groupBy } from "./group-by.js";
import { PositionWaiters } from "./position-waiters.js";
import type { AnyProjection } from "./projection-definition.js";
import type { ProjectionStatus } from "./projection-status.js";
import type { ReadModelWriteFailed } from "./read-model-write-failed.js";
import type { RebuildFailed } from "./rebuild-failed.js";
import { type RebuildOptions, rebuildProjections } from "./rebuild.js";
import { retrySchedule } from "./retry-schedule.js";
import { TrackedProjection } from "./tracked-projection.js";

export interface RunnerOptions extends RebuildOptions {
  /** Events per read-model transaction while catching up and following. */
  readonly batchSize?: number;
}

/**
 * Keeps every read model fed from the log, the way an async daemon coordinates its
 * subscription agents: it prepares the projections, hands each group standing at the
 * same position to a GroupFollower (which applies the batches), rebuilds a projection
 * whose version changed and swaps it in, and answers what the read models have reached
 * (status, waitFor). The followers tell it when positions move and when another process
 * moved a projection; everything it knows of a projection is in its TrackedProjection.
 */
export class ProjectionRunner {
  private readonly checkpoints: Checkpoints;
  private readonly tracked = new Map<string, TrackedProjection>();
  private readonly waiters = new PositionWaiters();
  private readonly fibers = new Set<Fiber.RuntimeFiber<void, never>>();
  private headAtStart = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly store: EventStoreService,
    private readonly projections: ReadonlyArray<AnyProjection>,
    private readonly options: RunnerOptions = {},
  ) {
    this.checkpoints = new Checkpoints(db);
  }

  /**
   * Prepares every projection (fresh ones get empty tables; those whose version changed
   * are rebuilt beside the old tables), then forks the loops that catch up and follow.
   */
  start(): Effect.Effect<void, StoreUnavailable> {
    return Effect.gen(this, function* () {
      // The anchor before the head: both only move forward, so over one log the anchor read
      // first can never be beyond the head read after it, whatever another process (the
      // server beside `mandat state`) appends and applies in between.
      const anchor = this.checkpoints.logAnchor();
      this.headAtStart = yield* this.store.headPosition;
      if (anchor && !(yield* this.builtFromThisLog(anchor))) this.startAfresh(anchor);
      const outdated: AnyProjection[] = [];
      for (const projection of this.projections) {
        const checkpoint = this.checkpointAtStart(projection);
        if (checkpoint.version !== projection.version) outdated.push(projection);
        this.tracked.set(projection.name, new TrackedProjection(this.db, projection, checkpoint, this.headAtStart));
      }
      // Stopped projections follow too: only to notice when `mandat rebuild` brings them back.
      this.followInGroups([...this.tracked.values()]);
      if (outdated.length > 0) this.fork(this.rebuildInBackground(outdated));
    });
  }

  /** Stops following the log; what was committed stays committed. */
  stop(): Effect.Effect<void> {
    const running = [...this.fibers];
    this.fibers.clear();
    return Effect.forEach(running, Fiber.interrupt, { discard: true });
  }

  status(): ReadonlyArray<ProjectionStatus> {
    return [...this.tracked.values()].map((tracked) => tracked.status);
  }

  /** True once every projection that is not stopped has reached the head the runner started at. */
  get caughtUp(): boolean {
    return [...this.tracked.values()].every(
      (t) => t.state === "stopped" || (t.state !== "rebuilding" && t.position >= this.headAtStart),
    );
  }

  /**
   * Waits until each of the named read models has applied `position`: true then, false
   * after `timeoutMs` or as soon as one of them has stopped short of it. One being rebuilt
   * is waited for, since it answers only once swapped in; read models a read does not name
   * may lag or stop without holding it up. Without names it waits for every read model
   * that has not stopped, as start-up does: a stopped one stops alone.
   */
  waitFor(position: number, timeoutMs: number, readModels?: ReadonlyArray<string>): Effect.Effect<boolean> {
    return Effect.suspend(() => {
      const waitedFor = () =>
        readModels === undefined
          ? [...this.tracked.values()].filter((t) => t.state !== "stopped")
          : readModels.map((name) => this.trackedNamed(name));
      const reached = () => waitedFor().every((t) => t.state !== "rebuilding" && t.position >= position);
      const stoppedShort = () => waitedFor().some((t) => t.state === "stopped" && t.position < position);
      return this.waiters.until(() => (reached() ? true : stoppedShort() ? false : undefined), timeoutMs);
    });
  }

  private trackedNamed(name: string): TrackedProjection {
    const tracked = this.tracked.get(name);
    if (!tracked) throw new Error(`No read model "${name}" in this runner`);
    return tracked;
  }

  /** Whether the log holds, at the anchor's position, the event the read models last applied. */
  private builtFromThisLog(anchor: LogAnchor): Effect.Effect<boolean, StoreUnavailable> {
    if (anchor.position > this.headAtStart) return Effect.succeed(false);
    return Effect.map(
      this.store.readAll({ fromPosition: anchor.position, maxCount: 1 }),
      ([event]) => event?.position === anchor.position && event.metadata.hash === anchor.hash,
    );
  }

  /**
   * Read models that were not built from this log (a log restored from an older backup,
   * another server's read-model database): every projection starts again from nothing, in a
   * new generation of empty tables, so that no read answers from another log's rows while
   * they catch up (the server is not ready until then). The old tables go.
   */
  private startAfresh(anchor: LogAnchor): void {
    process.emitWarning(
      `The read models were built from another log (at position ${anchor.position}, this log ${
        anchor.position > this.headAtStart ? `ends at ${this.headAtStart}` : "has another event"
      }): they are built again from this log`,
      { code: "MANDAT_READ_MODELS_OF_ANOTHER_LOG" },
    );
    this.db.transaction(() => {
      for (const projection of this.projections) {
        const checkpoint = this.checkpoints.get(projection.name);
        if (!checkpoint) continue;
        const generation = checkpoint.generation + 1;
        createGeneration(this.db, projection, generation);
        pointViewsAt(this.db, projection, generation);
        this.checkpoints.put({ name: projection.name, version: projection.version, generation, position: 0, status: "running" });
        dropGeneration(this.db, projection, checkpoint.generation);
      }
      this.checkpoints.dropAnchor();
    })();
  }

  /** The checkpoint a projection starts from: a fresh one, with empty tables, the first time. */
  private checkpointAtStart(projection: AnyProjection): Checkpoint {
    const checkpoint = this.checkpoints.get(projection.name);
    if (checkpoint) {
      dropAbandonedGenerations(this.db, projection, checkpoint.generation);
      return checkpoint;
    }
    const fresh = { name: projection.name, version: projection.version, generation: 1, position: 0, status: "running" } as const;
    this.db.transaction(() => {
      createGeneration(this.db, projection, 1);
      pointViewsAt(this.db, projection, 1);
      this.checkpoints.put(fresh);
    })();
    return fresh;
  }

  /** One follower for each position projections start from; one being rebuilt waits for its swap. */
  private followInGroups(projections: ReadonlyArray<TrackedProjection>): void {
    const byPosition = groupBy(
      projections.filter((tracked) => tracked.state !== "rebuilding"),
      (tracked) => [tracked.position, tracked],
    );
    for (const group of byPosition.values()) {
      const follower = new GroupFollower(this.db, this.store, this.checkpoints, group, this.options.batchSize ?? 1_000, {
        committed: () => this.waiters.wake(),
        moved: (moved) => this.resume(moved),
      });
      this.fork(follower.follow());
    }
  }

  /**
   * Another process (mandat rebuild) swapped in a new generation, possibly of a projection
   * that had stopped: continue from the checkpoint it left.
   */
  private resume(moved: ReadonlyArray<TrackedProjection>): void {
    for (const tracked of moved) tracked.bindTo(this.checkpoints.get(tracked.name)!);
    this.followInGroups(moved);
  }

  /**
   * Rebuilds beside the tables in service. A store or database that is away for a while is
   * waited for, as the followers wait for it; only an event the new code fails on stops
   * the projections.
   */
  private rebuildInBackground(projections: ReadonlyArray<AnyProjection>): Effect.Effect<void> {
    return rebuildProjections(this.db, this.store, projections, this.options).pipe(
      Effect.retry({ schedule: retrySchedule, while: (error) => error._tag !== "RebuildFailed" }),
      Effect.match({
        onSuccess: (swapped) => {
          const rebuilt = swapped.map((checkpoint) => {
            const tracked = this.trackedNamed(checkpoint.name);
            tracked.bindTo(checkpoint);
            return tracked;
          });
          this.followInGroups(rebuilt);
        },
        onFailure: (error) => {
          for (const projection of projections) this.trackedNamed(projection.name).stop(failureOf(error));
        },
      }),
      Effect.tap(() => Effect.sync(() => this.waiters.wake())),
    );
  }

  /**
   * Root fibers, not children of the caller's: they outlive the `start` that forked them,
   * until `stop`. One that ends (a rebuild done, a follower whose group moved on) leaves the
   * set, so a long-running server does not collect them.
   */
  private fork(effect: Effect.Effect<void>): void {
    const fiber = Effect.runFork(effect);
    this.fibers.add(fiber);
    fiber.addObserver(() => this.fibers.delete(fiber));
  }
}

/** What a failed rebuild reports for each projection it stopped: the event, when one was at fault. */
const failureOf = (error: StoreUnavailable | RebuildFailed | ReadModelWriteFailed): ProjectionFailure =>
  error._tag === "RebuildFailed" && error.event
    ? { position: error.event.position, eventId: error.event.eventId, type: error.event.type, message: error.message }
    : { position: 0, eventId: "", type: "", message: error.message };

import type { EventStoreService, RecordedEvent, StoreUnavailable } from "#event-store";
import type Database from "better-sqlite3";
import { Chunk, Duration, Effect, Fiber, Schedule, Stream } from "effect";
import { type Checkpoint, Checkpoints, type ProjectionFailure } from "./checkpoints.js";
import { createGeneration, dropAbandonedGenerations, physicalTables, pointViewsAt } from "./generations.js";
import { groupBy } from "./group-by.js";
import type { AnyProjection, ApplyEvent } from "./projection-definition.js";
import { type ReadModelWriteFailed, isStorageFailure, writeFailure } from "./read-model-write-failed.js";
import { RebuildFailed, type RebuildOptions, rebuildProjections } from "./rebuild.js";

export type ProjectionState = "catching-up" | "live" | "rebuilding" | "stopped";

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly state: ProjectionState;
  readonly failure?: ProjectionFailure;
}

interface Member {
  readonly projection: AnyProjection;
  generation: number;
  apply: ApplyEvent;
  position: number;
  state: ProjectionState;
  failure?: ProjectionFailure;
}

export interface RunnerOptions extends RebuildOptions {
  /** Events per read-model transaction while catching up and following. */
  readonly batchSize?: number;
}

/**
 * Keeps every read model fed from the log. Projections at the same checkpoint share one
 * subscription and one transaction per batch; each writes under its own savepoint, so an
 * event that makes one of them throw stops that one alone, with the event named.
 */
export class ProjectionRunner {
  private readonly checkpoints: Checkpoints;
  private readonly members = new Map<string, Member>();
  private readonly waiters = new Set<() => void>();
  private readonly fibers: Array<Fiber.RuntimeFiber<void, never>> = [];
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
      this.headAtStart = yield* this.store.headPosition;
      const outdated: AnyProjection[] = [];
      for (const projection of this.projections) {
        const checkpoint = this.checkpoints.get(projection.name);
        if (checkpoint && checkpoint.version !== projection.version) outdated.push(projection);
        this.members.set(projection.name, this.memberFor(projection, checkpoint));
      }
      for (const member of this.members.values()) this.settle(member);
      // Stopped projections follow too: only to notice when `mandat rebuild` brings them back.
      this.followInGroups([...this.members.values()]);
      if (outdated.length > 0) this.fork(this.rebuildInBackground(outdated));
    });
  }

  /** Stops following the log; what was committed stays committed. */
  stop(): Effect.Effect<void> {
    return Effect.forEach(this.fibers.splice(0), Fiber.interrupt, { discard: true });
  }

  status(): ReadonlyArray<ProjectionStatus> {
    return [...this.members.values()].map(({ projection, position, state, failure }) => ({
      name: projection.name,
      version: projection.version,
      position,
      state,
      ...(failure ? { failure } : {}),
    }));
  }

  /** True once every projection that is not stopped has reached the head the runner started at. */
  get caughtUp(): boolean {
    return [...this.members.values()].every((m) => m.state === "stopped" || (m.state !== "rebuilding" && m.position >= this.headAtStart));
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
          ? [...this.members.values()].filter((m) => m.state !== "stopped")
          : readModels.map((name) => this.memberNamed(name));
      const reached = () => waitedFor().every((m) => m.state !== "rebuilding" && m.position >= position);
      const stoppedShort = () => waitedFor().some((m) => m.state === "stopped" && m.position < position);
      return Effect.async<boolean>((resume) => {
        const check = () => {
          if (!reached() && !stoppedShort()) return false;
          this.waiters.delete(check);
          clearTimeout(timer);
          resume(Effect.succeed(reached()));
          return true;
        };
        const timer = setTimeout(() => {
          this.waiters.delete(check);
          resume(Effect.succeed(false));
        }, timeoutMs);
        if (!check()) this.waiters.add(check);
        return Effect.sync(() => {
          clearTimeout(timer);
          this.waiters.delete(check);
        });
      });
    });
  }

  private memberNamed(name: string): Member {
    const member = this.members.get(name);
    if (!member) throw new Error(`No read model "${name}" in this runner`);
    return member;
  }

  private memberFor(projection: AnyProjection, checkpoint: Checkpoint | undefined): Member {
    if (!checkpoint) {
      const fresh = { name: projection.name, version: projection.version, generation: 1, position: 0, status: "running" } as const;
      this.db.transaction(() => {
        createGeneration(this.db, projection, 1);
        pointViewsAt(this.db, projection, 1);
        this.checkpoints.put(fresh);
      })();
      return this.bound(projection, fresh);
    }
    dropAbandonedGenerations(this.db, projection, checkpoint.generation);
    return this.bound(projection, checkpoint);
  }

  private bound(projection: AnyProjection, checkpoint: Checkpoint): Member {
    const versionChanged = checkpoint.version !== projection.version;
    return {
      projection,
      generation: checkpoint.generation,
      // An outdated generation is not written by the new code; it serves readers until the swap.
      apply: versionChanged ? () => undefined : this.handlerFor(projection, checkpoint.generation),
      position: checkpoint.position,
      state: checkpoint.status === "stopped" ? "stopped" : versionChanged ? "rebuilding" : "catching-up",
      ...(checkpoint.failure ? { failure: checkpoint.failure } : {}),
    };
  }

  private handlerFor(projection: AnyProjection, generation: number): ApplyEvent {
    return projection.bind(this.db, physicalTables(projection, generation));
  }

  private settle(member: Member): void {
    if (member.state === "catching-up" && member.position >= this.headAtStart) member.state = "live";
  }

  /** One subscription for each position members start from; a member being rebuilt waits for its swap. */
  private followInGroups(members: ReadonlyArray<Member>): void {
    const byPosition = groupBy(
      members.filter((member) => member.state !== "rebuilding"),
      (member) => [member.position, member],
    );
    for (const group of byPosition.values()) this.follow(group);
  }

  private follow(group: Member[]): void {
    // Suspended: after a failure the loop resubscribes from where the members stand then.
    const subscription = Stream.suspend(() =>
      group.length === 0
        ? Stream.empty
        : this.store.subscribe({
            fromPosition: Math.min(...group.map((member) => member.position)) + 1,
            batchSize: this.options.batchSize ?? 1_000,
          }),
    );
    const loop = subscription.pipe(
      // Members that another process's rebuild moved follow on their own; a group left empty ends.
      Stream.takeWhile(() => group.length > 0),
      Stream.runForEachChunk((chunk) => Effect.try({ try: () => this.applyChunk(group, Chunk.toReadonlyArray(chunk)), catch: writeFailure })),
      // A dropped store connection or a refused batch: resume from where each member stands.
      Effect.retry(retrySchedule),
      Effect.orDie,
    );
    this.fork(loop);
  }

  private applyChunk(group: Member[], events: ReadonlyArray<RecordedEvent>): void {
    const last = events.at(-1);
    if (!last) return;
    const moved: Member[] = [];
    // What the batch will have done to each member, applied to the members only once it has
    // committed: a batch the database refuses leaves them exactly as they were.
    const outcomes = new Map<Member, { readonly position: number; readonly failure?: ProjectionFailure }>();
    const batch = this.db.transaction(() => {
      for (const member of group) {
        // The checkpoint row is the truth, read inside the write transaction: another process
        // (`mandat state` catching up, `mandat rebuild`) may have moved it since our last batch.
        const stored = this.checkpoints.get(member.projection.name);
        if (!stored || stored.generation !== member.generation) {
          moved.push(member);
          continue;
        }
        const from = Math.max(stored.position, member.position);
        if (member.state === "stopped") {
          outcomes.set(member, { position: from });
          continue;
        }
        // Another process applied events since our last batch: what the handler remembers
        // of its own writes (LastWritten) no longer matches the table, so it starts afresh.
        if (stored.position !== member.position) member.apply = this.handlerFor(member.projection, member.generation);
        outcomes.set(member, this.applyToMember(member, events, from, last.position));
      }
    });
    try {
      batch.immediate();
    } catch (error) {
      // Nothing of the batch was committed: handlers that remember what they wrote start afresh.
      for (const member of group) member.apply = this.handlerFor(member.projection, member.generation);
      throw error;
    }
    for (const [member, { position, failure }] of outcomes) {
      member.position = position;
      if (failure) {
        member.state = "stopped";
        member.failure = failure;
      }
      this.settle(member);
    }
    if (moved.length > 0) this.resync(group, moved);
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * One member's share of the batch, under its own savepoint. An event its code cannot
   * apply stops it alone; a database that cannot write (busy, full, read-only) fails the
   * whole batch, to be retried, since no event is at fault.
   */
  private applyToMember(
    member: Member,
    events: ReadonlyArray<RecordedEvent>,
    from: number,
    lastPosition: number,
  ): { readonly position: number; readonly failure?: ProjectionFailure } {
    const { projection } = member;
    let current: RecordedEvent | undefined;
    try {
      this.db.transaction(() => {
        for (const event of events) {
          if (event.position <= from || !projection.eventTypes.has(event.type)) continue;
          current = event;
          member.apply(event);
        }
        this.checkpoints.advance(projection.name, Math.max(lastPosition, from));
      })();
      return { position: Math.max(lastPosition, from) };
    } catch (error) {
      if (isStorageFailure(error)) throw error;
      const failure: ProjectionFailure = {
        position: current?.position ?? lastPosition,
        eventId: current?.eventId ?? "",
        type: current?.type ?? "",
        message: error instanceof Error ? error.message : String(error),
      };
      const checkpoint = this.checkpoints.get(projection.name)!;
      this.checkpoints.put({ ...checkpoint, position: from, status: "stopped", failure });
      return { position: from, failure };
    }
  }

  /**
   * Another process (mandat rebuild) swapped in a new generation, possibly of a projection
   * that had stopped: continue from the checkpoint it left.
   */
  private resync(group: Member[], moved: ReadonlyArray<Member>): void {
    for (const member of moved) {
      group.splice(group.indexOf(member), 1);
      this.rebind(member, this.checkpoints.get(member.projection.name)!);
    }
    this.followInGroups(moved);
  }

  /** Takes a member to the generation and position of `checkpoint`, with a fresh handler. */
  private rebind(member: Member, checkpoint: Checkpoint): void {
    Object.assign(member, this.bound(member.projection, checkpoint));
    this.settle(member);
  }

  /**
   * Rebuilds beside the tables in service. A store or database that is away for a while is
   * waited for, as the follow loops wait for it; only an event the new code fails on stops
   * the projections.
   */
  private rebuildInBackground(projections: ReadonlyArray<AnyProjection>): Effect.Effect<void> {
    return rebuildProjections(this.db, this.store, projections, this.options).pipe(
      Effect.retry({ schedule: retrySchedule, while: (error) => !(error instanceof RebuildFailed) }),
      Effect.match({
        onSuccess: (checkpoints) => {
          const rebuilt = checkpoints.map((checkpoint) => {
            const member = this.memberNamed(checkpoint.name);
            this.rebind(member, checkpoint);
            return member;
          });
          this.followInGroups(rebuilt);
        },
        onFailure: (error) => {
          for (const projection of projections) {
            const member = this.memberNamed(projection.name);
            member.state = "stopped";
            member.failure = failureOf(error);
          }
        },
      }),
      Effect.tap(() => Effect.sync(() => this.wakeWaiters())),
    );
  }

  private fork(effect: Effect.Effect<void>): void {
    this.fibers.push(Effect.runFork(effect));
  }
}

/** How a loop that lost the store or the read-model database tries again: soon at first, then every 5 s. */
const retrySchedule = Schedule.exponential(Duration.millis(100)).pipe(Schedule.union(Schedule.spaced(Duration.seconds(5))));

const failureOf = (error: StoreUnavailable | RebuildFailed | ReadModelWriteFailed): ProjectionFailure =>
  "event" in error
    ? { position: error.event.position, eventId: error.event.eventId, type: error.event.type, message: error.message }
    : { position: 0, eventId: "", type: "", message: error.message };

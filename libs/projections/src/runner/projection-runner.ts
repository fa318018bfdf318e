import type { EventStoreService, RecordedEvent, StoreUnavailable } from "#event-store";
import type Database from "better-sqlite3";
import { Chunk, Data, Duration, Effect, Fiber, Schedule, Stream } from "effect";
import { type Checkpoint, Checkpoints, type ProjectionFailure } from "./checkpoints.js";
import { createGeneration, dropAbandonedGenerations, physicalTables, pointViewsAt } from "./generations.js";
import type { AnyProjection, ApplyEvent } from "./projection-definition.js";
import { type RebuildFailed, type RebuildOptions, rebuildProjections } from "./rebuild.js";

/** The read-model database refused a batch (full disk, locked file): retried from the checkpoints. */
export class ReadModelWriteFailed extends Data.TaggedError("ReadModelWriteFailed")<{ readonly reason: string }> {}

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
      for (const group of this.groupsByPosition([...this.members.values()])) this.follow(group);
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

  /** The lowest position every running read model has reached. */
  get position(): number {
    const running = [...this.members.values()].filter((m) => m.state !== "stopped");
    return running.length === 0 ? 0 : Math.min(...running.map((m) => (m.state === "rebuilding" ? 0 : m.position)));
  }

  /** Waits until every running read model has applied `position`; false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number): Effect.Effect<boolean> {
    return Effect.async<boolean>((resume) => {
      const check = () => {
        if (this.position < position) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resume(Effect.succeed(true));
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

  private groupsByPosition(members: ReadonlyArray<Member>): Member[][] {
    const groups = new Map<number, Member[]>();
    for (const member of members) {
      if (member.state === "rebuilding") continue;
      groups.set(member.position, [...(groups.get(member.position) ?? []), member]);
    }
    return [...groups.values()];
  }

  private follow(group: Member[]): void {
    // Suspended: after a failure the loop resubscribes from where the members stand then.
    const subscription = Stream.suspend(() =>
      this.store.subscribe({
        fromPosition: Math.min(...group.map((member) => member.position)) + 1,
        batchSize: this.options.batchSize ?? 1_000,
      }),
    );
    const loop = subscription.pipe(
      Stream.runForEachChunk((chunk) =>
        Effect.try({
          try: () => this.applyChunk(group, Chunk.toReadonlyArray(chunk)),
          catch: (error) => new ReadModelWriteFailed({ reason: error instanceof Error ? error.message : String(error) }),
        }),
      ),
      // A dropped store connection: resume from where each member stands, with backoff.
      Effect.retry(Schedule.exponential(Duration.millis(100)).pipe(Schedule.union(Schedule.spaced(Duration.seconds(5))))),
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
        outcomes.set(member, member.state === "stopped" ? { position: from } : this.applyToMember(member, events, from, last.position));
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
      const checkpoint = this.checkpoints.get(member.projection.name)!;
      const fresh = this.bound(member.projection, checkpoint);
      Object.assign(member, fresh);
      this.settle(member);
      this.follow([member]);
    }
  }

  private rebuildInBackground(projections: ReadonlyArray<AnyProjection>): Effect.Effect<void> {
    return rebuildProjections(this.db, this.store, projections, this.options).pipe(
      Effect.tap((checkpoints) =>
        Effect.sync(() => {
          for (const checkpoint of checkpoints) {
            const member = this.members.get(checkpoint.name)!;
            Object.assign(member, this.bound(member.projection, checkpoint));
            this.settle(member);
            this.follow([member]);
          }
          this.wakeWaiters();
        }),
      ),
      Effect.catchAll((error) =>
        Effect.sync(() => {
          for (const projection of projections) {
            const member = this.members.get(projection.name)!;
            member.state = "stopped";
            member.failure = failureOf(error);
          }
        }),
      ),
    );
  }

  private fork(effect: Effect.Effect<void>): void {
    this.fibers.push(Effect.runFork(effect));
  }
}

/** SQLite refusing to write at all, as opposed to a projection's code failing on an event. */
const isStorageFailure = (error: unknown): boolean =>
  /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOMEM|PROTOCOL)/.test((error as { code?: string } | undefined)?.code ?? "");

const failureOf = (error: StoreUnavailable | RebuildFailed): ProjectionFailure =>
  "event" in error
    ? { position: error.event.position, eventId: error.event.eventId, type: error.event.type, message: error.message }
    : { position: 0, eventId: "", type: "", message: error.message };

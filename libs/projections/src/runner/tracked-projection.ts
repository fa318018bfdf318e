import type Database from "better-sqlite3";
import type { Checkpoint, ProjectionFailure } from "./checkpoints.js";
import { physicalTables } from "./generations.js";
import type { AnyProjection, ApplyEvent } from "./projection-definition.js";
import type { ProjectionState, ProjectionStatus } from "./projection-status.js";

/**
 * One read model as a runner holds it in memory: the generation it writes, its handler,
 * how far it has applied the log, and its state. The checkpoint row stays the truth; this
 * is the runner's copy of it, moved only once a batch has committed.
 */
export class TrackedProjection {
  generation = 0;
  apply: ApplyEvent = () => undefined;
  position = 0;
  state: ProjectionState = "catching-up";
  failure?: ProjectionFailure;

  /** `liveFrom`: the head of the log when the runner started; reaching it makes the projection live. */
  constructor(
    private readonly db: Database.Database,
    readonly projection: AnyProjection,
    checkpoint: Checkpoint,
    private readonly liveFrom: number,
  ) {
    this.bindTo(checkpoint);
  }

  get name(): string {
    return this.projection.name;
  }

  /** Takes the projection to the generation and position of `checkpoint`, with a fresh handler. */
  bindTo(checkpoint: Checkpoint): void {
    const versionChanged = checkpoint.version !== this.projection.version;
    this.generation = checkpoint.generation;
    // An outdated generation is not written by the new code; it serves readers until the swap.
    this.apply = versionChanged ? () => undefined : this.handlerFor(checkpoint.generation);
    this.position = checkpoint.position;
    this.state = checkpoint.status === "stopped" ? "stopped" : versionChanged ? "rebuilding" : "catching-up";
    if (checkpoint.failure) this.failure = checkpoint.failure;
    this.settle();
  }

  /**
   * A handler that remembers nothing of earlier writes (LastWritten): needed once what it
   * remembers may no longer match the tables, after a rolled-back batch or another
   * process's writes.
   */
  forgetWrites(): void {
    this.apply = this.handlerFor(this.generation);
  }

  /** Applied up to `position`, in a batch that has committed. */
  advanceTo(position: number): void {
    this.position = position;
    this.settle();
  }

  /** Stopped on an event it cannot apply, or a rebuild that failed; the others go on. */
  stop(failure: ProjectionFailure): void {
    this.state = "stopped";
    this.failure = failure;
  }

  get status(): ProjectionStatus {
    const { name, projection, position, state, failure } = this;
    return { name, version: projection.version, position, state, ...(failure ? { failure } : {}) };
  }

  private handlerFor(generation: number): ApplyEvent {
    return this.projection.bind(this.db, physicalTables(this.projection, generation));
  }

  private settle(): void {
    if (this.state === "catching-up" && this.position >= this.liveFrom) this.state = "live";
  }
}

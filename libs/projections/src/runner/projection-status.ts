import type { ProjectionFailure } from "./checkpoints.js";

/**
 * Where a read model stands in a runner: catching up with the head the runner started at,
 * live beyond it, being rebuilt beside the generation in service, or stopped on an event.
 */
export type ProjectionState = "catching-up" | "live" | "rebuilding" | "stopped";

/** One read model as `/health` and `mandat state` report it. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: number;
  readonly state: ProjectionState;
  readonly failure?: ProjectionFailure;
}

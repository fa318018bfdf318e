import { Effect } from "effect";

interface Lane {
  readonly lock: Effect.Semaphore;
  /** Effects of the key running or waiting: the lane is dropped when none is left. */
  users: number;
}

/**
 * Runs effects one at a time per key, in this process: the pipeline's commands on one
 * stream then never race each other to the same revision (other processes still can; the
 * append's expected revision and the conflict retry deal with them).
 *
 * Bounded by what is in flight: a key has a lane only while an effect of it runs or waits,
 * so an idle stream costs nothing. Waiters are served about in arrival order (Effect's
 * semaphore wakes them in order, though a newcomer may take a permit just freed first).
 */
export class KeyedQueue {
  private readonly lanes = new Map<string, Lane>();

  /** Keys with an effect running or waiting. */
  get activeKeys(): number {
    return this.lanes.size;
  }

  run<A, E, R>(key: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> {
    return Effect.acquireUseRelease(
      Effect.sync(() => this.join(key)),
      (lane) => lane.lock.withPermits(1)(effect),
      (lane) => Effect.sync(() => this.leave(key, lane)),
    );
  }

  private join(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { lock: Effect.unsafeMakeSemaphore(1), users: 0 };
      this.lanes.set(key, lane);
    }
    lane.users += 1;
    return lane;
  }

  private leave(key: string, lane: Lane): void {
    lane.users -= 1;
    if (lane.users === 0) this.lanes.delete(key);
  }
}

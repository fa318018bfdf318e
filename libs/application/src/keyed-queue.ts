import { Effect, Exit } from "effect";

/** What Effect.uninterruptibleMask hands its body: runs an effect as interruptible as the caller was. */
type Restore = <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>;

/** A place in a key's line: given the key when the effect ahead ends (`resume` wakes its fiber once it waits). */
interface Turn {
  resume: ((go: Effect.Effect<void>) => void) | undefined;
  given: boolean;
}

/** A key's lane exists while an effect of the key holds it; `waiting` are the ones behind it, in arrival order. */
interface Lane {
  readonly waiting: Turn[];
}

/**
 * Runs effects one at a time per key, in this process: the pipeline's commands on one
 * stream then never race each other to the same revision (other processes still can; the
 * append's expected revision and the conflict retry deal with them).
 *
 * Bounded by what is in flight: a key has a lane only while an effect of it runs or waits,
 * so an idle stream costs nothing. Waiters are served in arrival order.
 *
 * Written out rather than an Effect semaphore per key, because every command of the
 * server runs through here: the semaphore's permits and acquireUseRelease cost about
 * 25 µs a command, a lane that is free costs one finalizer (issue 16). Interruption can
 * strike only while an effect waits its turn (turnIn) or runs (holding passes the key on
 * however it ends); taking the key and holding it happen uninterruptibly in between.
 */
export class KeyedQueue {
  private readonly lanes = new Map<string, Lane>();

  /** Keys with an effect running or waiting. */
  get activeKeys(): number {
    return this.lanes.size;
  }

  run<A, E, R>(key: string, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> {
    return Effect.uninterruptibleMask((restore) =>
      Effect.suspend(() => {
        const lane = this.lanes.get(key);
        if (lane === undefined) {
          const taken: Lane = { waiting: [] };
          this.lanes.set(key, taken);
          return this.holding(key, taken, restore(effect));
        }
        // In line in the step that found the lane: the scheduler may pause this fiber before
        // it starts to wait, and the lane must not end meanwhile with no one in it.
        const turn: Turn = { resume: undefined, given: false };
        lane.waiting.push(turn);
        return Effect.zipRight(this.turnIn(key, lane, turn, restore), this.holding(key, lane, restore(effect)));
      }),
    );
  }

  /**
   * Waits, interruptibly, until `turn` is given the key (at once if it already was).
   * Interrupted, it leaves the line, or passes the key on if its turn came meanwhile, which
   * may be after the wait itself has ended: hence a finalizer over the whole wait rather
   * than the wait's canceler.
   */
  private turnIn(key: string, lane: Lane, turn: Turn, restore: Restore): Effect.Effect<void> {
    const wait = Effect.async<void>((resume) => {
      if (turn.given) resume(Effect.void);
      else turn.resume = resume;
    });
    return Effect.onExit(restore(wait), (exit) =>
      Effect.sync(() => {
        if (Exit.isSuccess(exit)) return;
        if (turn.given) this.passOn(key, lane);
        else lane.waiting.splice(lane.waiting.indexOf(turn), 1);
      }),
    );
  }

  /** `effect`, holding `lane`'s key: passed on however the effect ends. */
  private holding<A, E, R>(key: string, lane: Lane, effect: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> {
    return Effect.onExit(effect, () => Effect.sync(() => this.passOn(key, lane)));
  }

  /** The key goes to the first in line, or, with no one left, the lane goes. */
  private passOn(key: string, lane: Lane): void {
    const next = lane.waiting.shift();
    if (next === undefined) {
      if (this.lanes.get(key) === lane) this.lanes.delete(key);
      return;
    }
    next.given = true;
    next.resume?.(Effect.void);
  }
}

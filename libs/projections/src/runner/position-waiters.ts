import { Effect } from "effect";

/**
 * Readers waiting for read models to reach a position (a write's Log-Position, the head
 * at start). Positions move only when a batch commits or a rebuild ends, so each waiter is
 * checked then, rather than polled.
 */
export class PositionWaiters {
  private readonly waiting = new Set<() => boolean>();

  /**
   * Answers what `outcome` decides (true or false) as soon as it decides, checking now and
   * after every wake; false once `timeoutMs` has passed undecided.
   */
  until(outcome: () => boolean | undefined, timeoutMs: number): Effect.Effect<boolean> {
    return Effect.async<boolean>((resume) => {
      const check = () => {
        const decided = outcome();
        if (decided === undefined) return false;
        this.waiting.delete(check);
        clearTimeout(timer);
        resume(Effect.succeed(decided));
        return true;
      };
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        resume(Effect.succeed(false));
      }, timeoutMs);
      if (!check()) this.waiting.add(check);
      // An interrupted wait (a request that went away) leaves no timer or waiter behind.
      return Effect.sync(() => {
        clearTimeout(timer);
        this.waiting.delete(check);
      });
    });
  }

  /** Positions or states moved: every waiter checks again. */
  wake(): void {
    for (const check of [...this.waiting]) check();
  }
}

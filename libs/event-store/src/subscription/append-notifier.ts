import { Effect } from "effect";

/**
 * Tells waiting subscribers that the log has grown. A version counter (not a bare event)
 * closes the gap between "I read nothing new" and "I start waiting": a subscriber waits
 * only if no append has been signalled since the version it saw before reading.
 */
export class AppendNotifier {
  private current = 0;
  private readonly waiters = new Set<() => void>();

  get version(): number {
    return this.current;
  }

  notify(): void {
    this.current += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** Completes once an append after `seenVersion` is signalled, or after `timeoutMs` at the latest. */
  waitBeyond(seenVersion: number, timeoutMs: number): Effect.Effect<void> {
    return Effect.async<void>((resume) => {
      if (this.current > seenVersion) return resume(Effect.void);
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resume(Effect.void);
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
      return Effect.sync(() => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      });
    });
  }
}

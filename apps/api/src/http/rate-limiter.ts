/**
 * Counts what each key (a client address, a principal) did in fixed windows of time: a
 * key that has reached `limit` in its window is held back until the window ends. Fixed
 * windows are coarse (a client may do up to twice the limit across a boundary) but need
 * one number per key and say exactly when to come back (Retry-After).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { readonly start: number; count: number }>();
  private lastSweep: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Seconds until `key` may go on, or 0 when it is within its limit. */
  retryAfter(key: string): number {
    const window = this.current(key);
    return window && window.count >= this.limit ? (window.start + this.windowMs - this.now()) / 1000 : 0;
  }

  /** Counts one more for `key` in its current window. */
  count(key: string): void {
    const window = this.current(key);
    if (window) window.count += 1;
    else this.windows.set(key, { start: this.now(), count: 1 });
    this.sweep();
  }

  /** How many keys are being counted (so a test can see that old windows go). */
  get size(): number {
    return this.windows.size;
  }

  private current(key: string) {
    const window = this.windows.get(key);
    return window && this.now() < window.start + this.windowMs ? window : undefined;
  }

  /** Ended windows are forgotten once a window: the map holds only keys active lately. */
  private sweep(): void {
    const now = this.now();
    if (now < this.lastSweep + this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now >= window.start + this.windowMs) this.windows.delete(key);
  }
}

import { Effect, Exit } from "effect";
import type { ConcurrencyConflict, IdempotencyKeyTaken, StoreUnavailable } from "./errors.js";
import type { AppendResult } from "./event-store.js";

export type AppendError = ConcurrencyConflict | IdempotencyKeyTaken | StoreUnavailable;

/**
 * An append a store has taken in (EventStoreService.enqueueAppend), whose outcome may not
 * be known yet: the embedded store writes what was enqueued in one turn of the event loop
 * in one transaction, and answers once it has committed.
 *
 * Why a handle and not just the awaited result: a writer that decided on a state including
 * this append's events may enqueue its own append before this one has committed (the
 * command pipeline does, for commands on one stream), naming this one as the append it
 * `follows` (AppendOptions). The store then writes the follower only if this append was
 * written first; otherwise the follower fails with ConcurrencyConflict, whatever revision
 * the stream has reached meanwhile, since its events were decided on a state that was never
 * committed.
 */
export class EnqueuedAppend {
  private exit: Exit.Exit<AppendResult, AppendError> | undefined;
  private listeners: Array<(exit: Exit.Exit<AppendResult, AppendError>) => void> = [];

  /** An append whose outcome is already known (a store that writes before it answers enqueueAppend). */
  static settled(exit: Exit.Exit<AppendResult, AppendError>): EnqueuedAppend {
    const enqueued = new EnqueuedAppend();
    enqueued.settle(exit);
    return enqueued;
  }

  /**
   * The append's result once committed, or why it was not; may be awaited by any number of fibers.
   *
   * Without a canceler: an interrupted fiber's listener stays until the store settles the
   * append, which it always does (a batch that commits or fails answers every append in it,
   * and close writes what is queued), and then resumes nothing. A canceler made Effect wrap
   * every wait in onInterrupt's masks, which cost about 8 µs an append, a tenth of a
   * command's CPU in the bench (issue 16).
   */
  readonly outcome: Effect.Effect<AppendResult, AppendError> = Effect.async((resume) => this.whenSettled(resume));

  /**
   * Calls `listener` with the outcome as soon as the store tells it (at once if it has), in
   * the order listeners were given, before any fiber awaiting `outcome` resumes: for
   * bookkeeping that must happen whoever awaits, even if no one does. Called inside the
   * store's answer to a whole batch, so it must be quick and must not throw.
   */
  whenSettled(listener: (exit: Exit.Exit<AppendResult, AppendError>) => void): void {
    if (this.exit) listener(this.exit);
    else this.listeners.push(listener);
  }

  /** Committed: a follower may be written after it. False while enqueued, and for ever once it failed. */
  get committed(): boolean {
    return this.exit !== undefined && Exit.isSuccess(this.exit);
  }

  /** For the store that took the append in: its outcome, told once. */
  settle(exit: Exit.Exit<AppendResult, AppendError>): void {
    if (this.exit) return;
    this.exit = exit;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener(exit);
  }
}

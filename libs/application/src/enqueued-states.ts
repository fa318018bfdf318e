import type { DomainEvent } from "#domain";
import type { ActualRevision, EnqueuedAppend } from "#event-store";
import { Exit } from "effect";
import { type FoldOf, foldOf, sameFold } from "./fold-of.js";
import type { Evolving } from "./read-state.js";

/**
 * A stream's state folded with appends that are enqueued but not yet committed: what the
 * stream will be if they commit. `append` is the last of them, the one a command decided on
 * this state must follow (AppendOptions.follows).
 */
export interface EnqueuedState<State> {
  readonly state: State;
  readonly revision: ActualRevision;
  readonly append: EnqueuedAppend;
  /**
   * Shared by the states of one run of pipelined appends, from the first, decided on the
   * log: each follows the one before, so one failure spoils every state after it.
   */
  readonly chain: Chain;
}

export interface Chain {
  broken: boolean;
}

interface Entry extends FoldOf {
  readonly enqueued: EnqueuedState<unknown>;
}

/**
 * What lets commands on one stream pipeline, in this process: a command decides on the
 * state its predecessor's append will leave, as soon as that append is enqueued, instead of
 * waiting for it to commit; both appends then share a group commit (or follow in the next).
 * Without it, commands on one stream commit one per transaction, each waiting for the fsync
 * of the one before (the SQLite store's group commit only helps across streams).
 *
 * Speculative, so kept apart from StreamStateCache, which holds committed states only: an
 * entry stands until its own append settles, and every entry built on an append that
 * failed is dropped at once. The store guarantees the rest: an append that follows one that
 * failed is refused, so a decision on a state that never came to be is never written (the
 * command decides again on the log, conflict-retry.ts). Used only inside the per-stream
 * queue (command-streams.ts), so one command at a time reads and extends an entry.
 */
export class EnqueuedStates {
  private readonly entries = new Map<string, Entry>();

  /** Streams with appends in flight. */
  get size(): number {
    return this.entries.size;
  }

  /** The state `streamId` will have once its enqueued appends commit, folded by `decider`'s fold. */
  get<Event extends DomainEvent, State>(streamId: string, decider: Evolving<Event, State>): EnqueuedState<State> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.enqueued.chain.broken || !sameFold(entry, decider)) {
      return undefined;
    }
    return entry.enqueued as EnqueuedState<State>;
  }

  /**
   * Records `state` at `revision`, the state `append` leaves, decided on `basis` (an entry
   * `get` gave) or on a committed state, until the append settles. Settled as the store
   * tells it (EnqueuedAppend.whenSettled), not as the command's fiber resumes, so that an
   * interrupted command leaves nothing behind.
   */
  record<Event extends DomainEvent, State>(
    streamId: string,
    decider: Evolving<Event, State>,
    next: Omit<EnqueuedState<State>, "chain">,
    basis: EnqueuedState<State> | undefined,
  ): void {
    const chain = basis ? basis.chain : { broken: false };
    const entry: Entry = { ...foldOf(decider), enqueued: { ...next, chain } };
    this.entries.set(streamId, entry);
    next.append.whenSettled((exit) => {
      // Whatever was decided after a failed append is refused by the store: stop handing it out.
      if (Exit.isFailure(exit)) chain.broken = true;
      const current = this.entries.get(streamId);
      // Committed and still the last: the state is the log's now, read through StreamStateCache.
      if (current === entry || (chain.broken && current?.enqueued.chain === chain)) this.entries.delete(streamId);
    });
  }
}

import type { DomainEvent } from "#domain";
import type { EventStoreService } from "#event-store";
import { type FoldOf, foldOf, sameFold } from "./fold-of.js";
import type { Evolving } from "./read-state.js";

/** A stream's state as folded up to `revision`, its last event then. */
export interface FoldedAt<State> {
  readonly state: State;
  readonly revision: number;
}

interface Entry extends FoldOf {
  readonly folded: FoldedAt<unknown>;
}

/**
 * The states of the streams read lately, each at the revision it was folded to, so that a
 * command on a stream it saw a moment ago folds only the events appended since
 * (read-state.ts `loadState` reads them before every decision; the append's expected
 * revision guards the rest, whichever process appended in between).
 *
 * The states handed out are shared by every reader and are never mutated: a fold copies a
 * collection before its first write to it (libs/domain shared/fold-drafts.ts), so
 * advancing a cached state builds a new one and leaves the old one to whoever holds it.
 *
 * One cache serves one log, as read through one store object: a read through any other
 * store (a wrapper, another log) bypasses it. Bounded: beyond `capacity` streams the one
 * read longest ago is dropped.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly store: EventStoreService,
    readonly capacity = 1_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The state last folded for `streamId` by `decider`'s fold, if this cache still holds it. */
  get<Event extends DomainEvent, State>(streamId: string, decider: Evolving<Event, State>): FoldedAt<State> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || !sameFold(entry, decider)) return undefined;
    // Read again: the most recently read stream is the last one dropped.
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry.folded as FoldedAt<State>;
  }

  /** Keeps `folded` unless a state at a later revision is already kept (a slower reader finishing last). */
  put<Event extends DomainEvent, State>(streamId: string, decider: Evolving<Event, State>, folded: FoldedAt<State>): void {
    const kept = this.entries.get(streamId);
    if (kept && sameFold(kept, decider) && kept.folded.revision > folded.revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { ...foldOf(decider), folded });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

import type { Decision } from "./decision.js";
import type { DomainEvent } from "./domain-event.js";
import { FoldDrafts } from "./fold-drafts.js";

/**
 * A command as its decider receives it. Accepted, a command records at most one event, so its
 * data is that event's data plus the facts its rules need, which the handler read elsewhere
 * (other streams, the clock) and the decider does not record.
 */
export interface CommandRecording<Type extends string, Event extends DomainEvent, Facts = unknown> {
  readonly type: Type;
  readonly data: Event["data"] & Facts;
}

/**
 * A stream's behaviour as three pure pieces: the state before anything happened, how an
 * event changes state, and which events a command produces from a state (or which rule it
 * breaks). Everything a decision needs from elsewhere arrives inside the command.
 *
 * `evolve` and `decide` are declared as methods so that a decider of one stream is also a
 * decider of "some stream" (TypeScript compares method parameters bivariantly): the
 * application's pipeline holds specs of every stream in one list.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: State;
  /**
   * The state after `event`. It never mutates a collection of `state` it does not own:
   * within a fold, `drafts` says which collections the fold made and may write in place
   * (fold-drafts.ts); called alone, it owns none and copies what it changes.
   */
  evolve(state: State, event: Event, drafts?: FoldDrafts): State;
  decide(command: Command, state: State): Decision<Event>;
}

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, "initialState" | "evolve">,
  events: Iterable<Event>,
): State => foldFrom(decider, decider.initialState, events);

/**
 * `events` folded onto `state`, which is left as it was (a cache may hand it to others):
 * linear in the events, since each collection is copied at most once per fold.
 */
export const foldFrom = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, "evolve">,
  state: State,
  events: Iterable<Event>,
): State => {
  const drafts = new FoldDrafts();
  let folded = state;
  for (const event of events) folded = decider.evolve(folded, event, drafts);
  return folded;
};

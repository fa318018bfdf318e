import type { DomainEvent } from "#domain";
import type { Evolving } from "./read-state.js";

/**
 * The fold a kept state came from. The stream state cache and the enqueued states hand a
 * state only to the same evolve from the same initial state: another decider over the same
 * stream would read a state it never folded.
 */
export interface FoldOf {
  readonly evolve: unknown;
  readonly initialState: unknown;
}

export const foldOf = <Event extends DomainEvent, State>({ evolve, initialState }: Evolving<Event, State>): FoldOf => ({
  evolve,
  initialState,
});

export const sameFold = <Event extends DomainEvent, State>(kept: FoldOf, decider: Evolving<Event, State>): boolean =>
  kept.evolve === decider.evolve && kept.initialState === decider.initialState;

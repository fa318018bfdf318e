import type { Decision } from "./decision.js";
import type { DomainEvent } from "./domain-event.js";

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
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Decision<Event>;
}

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, "initialState" | "evolve">,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};

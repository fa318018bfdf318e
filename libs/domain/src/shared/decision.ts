import { Either } from "effect";
import type { DomainEvent } from "./domain-event.js";
import type { RuleViolation } from "./rule-violation.js";

export type Decision<Event extends DomainEvent> = Either.Either<ReadonlyArray<Event>, RuleViolation>;

/** The command is accepted and these events record it (none: it changes nothing). */
export const accept = <Event extends DomainEvent>(...events: ReadonlyArray<Event>): Decision<Event> => Either.right(events);

/** The command breaks a rule. */
export const reject = <Event extends DomainEvent = never>(violation: RuleViolation): Decision<Event> => Either.left(violation);

import { Either } from "effect";
import { expect } from "vitest";
import type { Decider } from "../src/shared/decider.js";
import type { DomainEvent } from "../src/shared/domain-event.js";
import { fold } from "../src/shared/decider.js";

type RuleClass = { readonly rule: string };

/**
 * Given/when/then for deciders:
 *   spec.given([registered]).when(command).then([expected])
 *   spec.given([]).when(command).thenRejects(OrganisationNotRegistered)
 *   spec.given([]).when(command).thenRejects(OrganisationNotRegistered, organisationId)
 *
 * The values after the rule must each appear in the violation's detail: the detail goes out
 * in the problem+json body, and it is only useful if it names what broke the rule.
 */
export const deciderSpec = <Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) => ({
  given: (events: ReadonlyArray<Event>) => ({
    when: (command: Command) => {
      const decision = () => decider.decide(command, fold(decider, events));
      return {
        then: (expected: ReadonlyArray<Event>) => {
          const result = decision();
          if (Either.isLeft(result)) throw new Error(`Expected events, got ${result.left._tag}: ${result.left.detail}`);
          expect(result.right).toEqual(expected);
        },
        thenRejects: (violation: RuleClass, ...named: ReadonlyArray<string>) => {
          const result = decision();
          if (Either.isRight(result)) throw new Error(`Expected ${violation.rule}, got ${JSON.stringify(result.right)}`);
          expect(result.left._tag).toBe(violation.rule);
          expect(result.left.detail.trim(), "a rule's detail is never empty").not.toBe("");
          for (const value of named) expect(result.left.detail).toContain(value);
        },
      };
    },
  }),
});

import type { IsoDate } from "./calendar.js";
import { type Decision, reject } from "./decision.js";
import type { RuleViolation } from "./rule-violation.js";

/** Fact: today in the collaboration's calendar (Stockholm), for rules on dates ahead. */
export interface Today {
  readonly today: IsoDate;
}

/**
 * What is recorded as having happened (held, observed, raised, resolved) happened by today
 * at the latest: a date after today breaks `Rule`, named with both days; else nothing.
 */
export const rejectAfterToday = (
  date: IsoDate,
  today: IsoDate,
  Rule: new (fields: { readonly detail: string }) => RuleViolation,
): Decision<never> | undefined => (date > today ? reject(new Rule({ detail: `${date} is after today, ${today}` })) : undefined);

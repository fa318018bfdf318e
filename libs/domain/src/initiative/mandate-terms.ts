import type { IsoDate } from "../shared/calendar.js";
import type { MandateChanges, Steering } from "./events.js";
import {
  CLAUSE_KINDS,
  type Clause,
  type ClauseItem,
  type ClauseKind,
  carryClauseIds,
  highestClauseNumber,
} from "./mandate-clauses.js";

/** What a mandate lets an initiative do, as granted and then amended. */
export interface MandateTerms {
  readonly scope: ReadonlyArray<Clause>;
  readonly boundaries: ReadonlyArray<Clause>;
  readonly principles: ReadonlyArray<Clause>;
  readonly steering: Steering;
  readonly budgetSek?: number;
}

/** An amendment's changes with every clause numbered (`numberedChanges`). */
export type NumberedChanges = Omit<MandateChanges, "scope" | "boundaries" | "principles"> & {
  readonly scope?: Clause[];
  readonly boundaries?: Clause[];
  readonly principles?: Clause[];
};

/** An amendment's changes with the day they take effect; `order` is its place in the log. */
export interface DatedChanges {
  readonly effectiveFrom: IsoDate;
  readonly changes: NumberedChanges;
  readonly order: number;
}

/** A mandate's terms as recorded so far: the grant's, and the amendments in log order. */
export interface RecordedTerms {
  readonly granted: MandateTerms;
  readonly amendments: ReadonlyArray<DatedChanges>;
}

/** The terms from `from` on (from the grant when `from` is undefined) until the next period's `from`. */
export interface TermsPeriod {
  readonly from: IsoDate | undefined;
  readonly terms: MandateTerms;
}

/** Each named term replaces the old one whole (a list too); a term left out, or given as undefined, stays. */
export const applyChanges = (terms: MandateTerms, changes: NumberedChanges): MandateTerms => {
  const changed: Record<string, unknown> = { ...terms };
  for (const [term, value] of Object.entries(changes)) if (value !== undefined) changed[term] = value;
  return changed as unknown as MandateTerms;
};

/** Every clause of the terms: scope, then boundaries, then principles (CLAUSE_KINDS' order). */
export const clausesOf = (terms: MandateTerms): Clause[] => [...terms.scope, ...terms.boundaries, ...terms.principles];

export const sameTerms = (a: MandateTerms, b: MandateTerms): boolean =>
  sameList(a.scope, b.scope) &&
  sameList(a.boundaries, b.boundaries) &&
  sameList(a.principles, b.principles) &&
  a.steering === b.steering &&
  a.budgetSek === b.budgetSek;

const sameList = (a: ReadonlyArray<Clause>, b: ReadonlyArray<Clause>) =>
  a.length === b.length && a.every((clause, i) => clause.id === b[i]!.id && clause.text === b[i]!.text);

/**
 * The order in which amendments take effect (docs/domain.md "Mandates in valid time"): by
 * `effectiveFrom`, and for the same day by their place in the log. An amendment recorded
 * late but effective early (a correction backdated by a decision) takes its place in valid
 * time, not at the end.
 */
export const inValidTimeOrder = (amendments: ReadonlyArray<DatedChanges>): DatedChanges[] =>
  [...amendments].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? a.order - b.order : a.effectiveFrom < b.effectiveFrom ? -1 : 1,
  );

/**
 * The mandate's terms over valid time: the grant's, then a new period on each day the
 * amendments, applied in valid-time order, leave other terms. Periods are maximal: two in a
 * row never hold the same terms, so each period's end is the day the terms next change.
 */
export const termsPeriods = (granted: MandateTerms, amendments: ReadonlyArray<DatedChanges>): TermsPeriod[] =>
  inValidTimeOrder(amendments).reduce(takeEffect, [{ from: undefined, terms: granted }]);

/**
 * The periods after one more amendment that takes effect after every amendment already in
 * them (the same day counts, recorded later): the common, not backdated, case, without
 * folding them all again.
 */
export const withLaterAmendment = (periods: ReadonlyArray<TermsPeriod>, amendment: DatedChanges): TermsPeriod[] =>
  takeEffect([...periods], amendment);

function takeEffect(periods: TermsPeriod[], { effectiveFrom, changes }: DatedChanges): TermsPeriod[] {
  const latest = periods.at(-1)!;
  const terms = applyChanges(latest.terms, changes);
  // Another change of the same day: the day's terms are those after the last of them.
  if (latest.from === effectiveFrom) periods.pop();
  if (!sameTerms(terms, periods.at(-1)!.terms)) periods.push({ from: effectiveFrom, terms });
  return periods;
}

/** The index of the period in force on `date`. */
export const periodIndexOn = (periods: ReadonlyArray<TermsPeriod>, date: IsoDate): number => {
  let index = 0;
  while (index + 1 < periods.length && periods[index + 1]!.from! <= date) index++;
  return index;
};

/**
 * The terms in force on `date`: the grant with every amendment effective by then, in
 * valid-time order (`inValidTimeOrder`).
 */
export const termsOn = (granted: MandateTerms, amendments: ReadonlyArray<DatedChanges>, date: IsoDate): MandateTerms => {
  const periods = termsPeriods(granted, amendments);
  return periods[periodIndexOn(periods, date)]!.terms;
};

/** The highest number each kind of clause has used in a mandate so far (`clauseNumbersUsed`). */
export type ClauseNumbersUsed = Readonly<Record<ClauseKind, number>>;

const NO_CLAUSE_NUMBERS: ClauseNumbersUsed = { scope: 0, boundaries: 0, principles: 0 };

/** The numbers used, counting the clauses of one more grant's terms or amendment's changes too. */
export const withClauseNumbersOf = (
  used: ClauseNumbersUsed,
  clauses: Partial<Record<ClauseKind, ReadonlyArray<ClauseItem>>>,
): ClauseNumbersUsed => ({
  scope: Math.max(used.scope, highestClauseNumber(clauses.scope ?? [])),
  boundaries: Math.max(used.boundaries, highestClauseNumber(clauses.boundaries ?? [])),
  principles: Math.max(used.principles, highestClauseNumber(clauses.principles ?? [])),
});

/** The highest number each kind has used in the grant and every amendment recorded (0 for none). */
export const clauseNumbersUsed = (recorded: RecordedTerms): ClauseNumbersUsed =>
  recorded.amendments.reduce(
    (used, amendment) => withClauseNumbersOf(used, amendment.changes),
    withClauseNumbersOf(NO_CLAUSE_NUMBERS, recorded.granted),
  );

/**
 * An amendment's changes with its clauses numbered (docs/domain.md "Clauses"): each list it
 * restates carries the ids of the one it replaces, the terms in force on its effectiveFrom as
 * recorded before it (`carryClauseIds`), and a new clause takes the next number its kind has
 * not used in any earlier grant or amendment of the mandate. Clauses numbered already stay
 * as they are, so the decider and every fold after it read the same ids.
 */
export const numberedChanges = (recorded: RecordedTerms, effectiveFrom: IsoDate, changes: MandateChanges): NumberedChanges =>
  numberedAgainst(termsOn(recorded.granted, recorded.amendments, effectiveFrom), clauseNumbersUsed(recorded), changes);

/**
 * `numberedChanges` from what it reads of the recorded terms: `before`, the terms in force on
 * the amendment's effectiveFrom as recorded before it, and the numbers used so far. A fold
 * that keeps both as it goes (mandateHistoryRows) numbers an amendment without folding every
 * earlier one again, which made reading a mandate's history quadratic in its amendments.
 */
export const numberedAgainst = (before: MandateTerms, used: ClauseNumbersUsed, changes: MandateChanges): NumberedChanges => {
  const numbered: Record<string, unknown> = { ...changes };
  for (const kind of CLAUSE_KINDS) {
    const items = changes[kind];
    if (items !== undefined) numbered[kind] = carryClauseIds(kind, before[kind], items, used[kind]).clauses;
  }
  return numbered as NumberedChanges;
};

import type { IsoDate } from "../shared/calendar.js";
import type { MandateChanges, Steering } from "./events.js";

/** What a mandate lets an initiative do, as granted and then amended. */
export interface MandateTerms {
  readonly scope: ReadonlyArray<string>;
  readonly boundaries: ReadonlyArray<string>;
  readonly principles: ReadonlyArray<string>;
  readonly steering: Steering;
  readonly budgetSek?: number;
}

/** An amendment's changes with the day they take effect; `order` is its place in the log. */
export interface DatedChanges {
  readonly effectiveFrom: IsoDate;
  readonly changes: MandateChanges;
  readonly order: number;
}

export const applyChanges = (terms: MandateTerms, changes: MandateChanges): MandateTerms => {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  return { ...terms, ...defined };
};

/**
 * The terms in force on `date`: the grant with every amendment effective by then, in the
 * order they take effect. An amendment recorded late but effective early (a correction
 * backdated by a decision) lands in its place in valid time, not at the end.
 */
export const termsOn = (granted: MandateTerms, amendments: ReadonlyArray<DatedChanges>, date: IsoDate): MandateTerms =>
  [...amendments]
    .filter((amendment) => amendment.effectiveFrom <= date)
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.order - b.order : a.effectiveFrom < b.effectiveFrom ? -1 : 1))
    .reduce((terms, amendment) => applyChanges(terms, amendment.changes), granted);

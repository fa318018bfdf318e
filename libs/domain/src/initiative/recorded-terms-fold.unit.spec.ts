import { describe, expect, it } from "vitest";
import type { MandateChanges } from "./events.js";
import { numberedInOrder } from "./mandate-clauses.js";
import { type DatedChanges, type MandateTerms, numberedChanges, termsOn, termsPeriods } from "./mandate-terms.js";
import { RecordedTermsFold } from "./recorded-terms-fold.js";

const granted: MandateTerms = {
  scope: numberedInOrder("scope", ["homework help", "sports"]),
  boundaries: numberedInOrder("boundaries", ["no new staff"]),
  principles: numberedInOrder("principles", ["pupils first"]),
  steering: "broad",
};

/** Amendments in recording order: later ones, one of the same day, and backdated ones that add and restate clauses. */
const recorded: ReadonlyArray<readonly [string, MandateChanges]> = [
  ["2025-05-01", { scope: [{ text: "homework help" }, { text: "sports" }, { text: "art" }] }],
  ["2025-06-01", { scope: [{ text: "sports" }], budgetSek: 10 }],
  ["2025-03-01", { scope: [{ text: "sports" }, { text: "music" }] }],
  ["2025-06-01", { boundaries: [{ text: "no new staff" }, { text: "within school hours" }] }],
  ["2025-05-15", { scope: [{ text: "art" }, { text: "drama" }], steering: "detailed" }],
  ["2025-07-01", { principles: [{ text: "pupils first" }, { text: "parents informed" }] }],
];

describe("RecordedTermsFold", () => {
  it("numbers each amendment as numberedChanges does against every one recorded before it, backdated or not", () => {
    const fold = new RecordedTermsFold(granted);
    const amendments: DatedChanges[] = [];
    recorded.forEach(([effectiveFrom, changes], order) => {
      const expected = numberedChanges({ granted, amendments }, effectiveFrom, changes);
      const { changes: numbered, termsBefore } = fold.amend(effectiveFrom, changes, order);
      expect(numbered).toEqual(expected);
      expect(termsBefore).toEqual(termsOn(granted, amendments, effectiveFrom));
      amendments.push({ effectiveFrom, changes: numbered, order });
      expect(fold.periods).toEqual(termsPeriods(granted, amendments));
    });
  });

  it("goes on from terms recorded earlier as if it had recorded them itself", () => {
    const whole = new RecordedTermsFold(granted);
    const numbered = recorded.map(([effectiveFrom, changes], order) => ({
      effectiveFrom,
      changes: whole.amend(effectiveFrom, changes, order).changes,
      order,
    }));
    const resumed = RecordedTermsFold.of({ granted, amendments: numbered.slice(0, 4) });
    const rest = recorded.slice(4).map(([effectiveFrom, changes], i) => resumed.amend(effectiveFrom, changes, 4 + i).changes);
    expect(rest).toEqual(numbered.slice(4).map((amendment) => amendment.changes));
    expect(resumed.periods).toEqual(whole.periods);
  });
});

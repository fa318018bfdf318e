import { describe, expect, it } from "vitest";
import {
  type DatedChanges,
  type MandateTerms,
  applyChanges,
  clauseNumbersUsed,
  clausesOf,
  inValidTimeOrder,
  numberedChanges,
  sameTerms,
  termsOn,
  termsPeriods,
  withLaterAmendment,
} from "./mandate-terms.js";
import { numberedInOrder } from "./mandate-clauses.js";

/** Clauses of the scope, numbered in order as a grant numbers them. */
const scope = (...texts: string[]) => numberedInOrder("scope", texts);

const granted: MandateTerms = {
  scope: scope("homework help"),
  boundaries: numberedInOrder("boundaries", ["no new staff"]),
  principles: numberedInOrder("principles", ["pupils first"]),
  steering: "broad",
  budgetSek: 100_000,
};

describe("termsOn", () => {
  const amendments = [
    { effectiveFrom: "2025-04-01", changes: { budgetSek: 150_000 }, order: 1 },
    { effectiveFrom: "2025-03-01", changes: { steering: "detailed" as const }, order: 2 },
    { effectiveFrom: "2025-04-01", changes: { budgetSek: 175_000 }, order: 3 },
  ];

  it("is the grant before any amendment takes effect", () => {
    expect(termsOn(granted, amendments, "2025-02-28")).toEqual(granted);
  });

  it("includes an amendment from the day it takes effect, even one recorded later", () => {
    expect(termsOn(granted, amendments, "2025-03-01")).toEqual({ ...granted, steering: "detailed" });
    expect(termsOn(granted, amendments, "2025-03-31")).toEqual({ ...granted, steering: "detailed" });
  });

  it("applies amendments effective the same day in the order they were recorded", () => {
    expect(termsOn(granted, amendments, "2025-04-01")).toEqual({ ...granted, steering: "detailed", budgetSek: 175_000 });
  });

  it("leaves out what an amendment does not change", () => {
    expect(
      termsOn(granted, [{ effectiveFrom: "2025-01-01", changes: { scope: scope("tutoring") }, order: 1 }], "2025-06-01"),
    ).toEqual({
      ...granted,
      scope: scope("tutoring"),
    });
  });

  // Issue #19: two amendments of the same term, the second recorded but effective first.
  describe("a backdated amendment of the same term takes its place in valid time", () => {
    const twoBudgets = [
      { effectiveFrom: "2025-06-01", changes: { budgetSek: 200 }, order: 2 },
      { effectiveFrom: "2025-03-01", changes: { budgetSek: 300 }, order: 3 },
    ];
    const grant100 = { ...granted, budgetSek: 100 };

    it.each([
      ["2025-02-01", 100],
      ["2025-03-01", 300],
      ["2025-04-01", 300],
      ["2025-05-31", 300],
      ["2025-06-01", 200],
      ["2025-12-31", 200],
    ])("on %s: %i", (date, budgetSek) => expect(termsOn(grant100, twoBudgets, date).budgetSek).toBe(budgetSek));
  });

  it("orders amendments of one day by their place in the log, not by the order given", () => {
    const sameDay = [
      { effectiveFrom: "2025-04-01", changes: { budgetSek: 175_000 }, order: 3 },
      { effectiveFrom: "2025-04-01", changes: { budgetSek: 150_000 }, order: 1 },
    ];
    expect(termsOn(granted, sameDay, "2025-04-01").budgetSek).toBe(175_000);
  });
});

describe("inValidTimeOrder", () => {
  const at = (effectiveFrom: string, order: number): DatedChanges => ({ effectiveFrom, changes: { budgetSek: order }, order });

  it("sorts by effectiveFrom, then by log order, whatever order they come in", () => {
    const given = [at("2025-06-01", 1), at("2025-03-01", 4), at("2025-03-01", 2), at("2025-01-15", 3)];
    expect(inValidTimeOrder(given).map((a) => a.order)).toEqual([3, 2, 4, 1]);
  });

  it("leaves the list it was given as it was", () => {
    const given = [at("2025-06-01", 1), at("2025-03-01", 2)];
    inValidTimeOrder(given);
    expect(given.map((a) => a.order)).toEqual([1, 2]);
  });
});

describe("applyChanges", () => {
  it("replaces the named terms, a list whole", () => {
    expect(applyChanges(granted, { scope: scope("tutoring", "sports"), budgetSek: 5 })).toEqual({
      ...granted,
      scope: scope("tutoring", "sports"),
      budgetSek: 5,
    });
  });

  it("keeps a term given as undefined", () => {
    const changes = { budgetSek: undefined, steering: "detailed" as const };
    const after = applyChanges(granted, changes);
    expect(after.budgetSek).toBe(100_000);
    expect(after).toStrictEqual({ ...granted, steering: "detailed" });
  });
});

describe("sameTerms", () => {
  it.each([
    ["identical terms", granted, true],
    ["equal lists, not the same arrays", { ...granted, scope: scope("homework help") }, true],
    ["another scope", { ...granted, scope: scope("tutoring") }, false],
    ["a longer scope", { ...granted, scope: scope("homework help", "tutoring") }, false],
    ["a shorter scope", { ...granted, scope: scope() }, false],
    ["other boundaries", { ...granted, boundaries: numberedInOrder("boundaries", ["none"]) }, false],
    ["other principles", { ...granted, principles: numberedInOrder("principles", ["none"]) }, false],
    ["other steering", { ...granted, steering: "detailed" as const }, false],
    ["another budget", { ...granted, budgetSek: 1 }, false],
    ["no budget", { ...granted, budgetSek: undefined }, false],
  ])("%s: %s", (_what, other, expected) => {
    expect(sameTerms(granted, other)).toBe(expected);
    expect(sameTerms(other, granted)).toBe(expected);
  });

  it("compares the clauses' ids as well as their texts", () => {
    expect(sameTerms(granted, { ...granted, scope: [{ id: "S2", text: "homework help" }] })).toBe(false);
  });

  it("compares every item of two lists of one length, not only the first", () => {
    expect(sameTerms({ ...granted, scope: scope("a", "b") }, { ...granted, scope: scope("a", "c") })).toBe(false);
  });
});

describe("termsPeriods", () => {
  it("is the grant alone without amendments", () => {
    expect(termsPeriods(granted, [])).toEqual([{ from: undefined, terms: granted }]);
  });

  it("starts a period on each day the terms change, in valid-time order", () => {
    const amendments = [
      { effectiveFrom: "2025-06-01", changes: { budgetSek: 200 }, order: 1 },
      { effectiveFrom: "2025-03-01", changes: { budgetSek: 300 }, order: 2 },
    ];
    expect(termsPeriods(granted, amendments)).toEqual([
      { from: undefined, terms: granted },
      { from: "2025-03-01", terms: { ...granted, budgetSek: 300 } },
      { from: "2025-06-01", terms: { ...granted, budgetSek: 200 } },
    ]);
  });

  it("starts no period where an amendment leaves the terms as they were", () => {
    const amendments = [
      { effectiveFrom: "2025-03-01", changes: { budgetSek: 100_000, steering: "broad" as const }, order: 1 },
      { effectiveFrom: "2025-04-01", changes: { scope: scope("homework help") }, order: 2 },
    ];
    expect(termsPeriods(granted, amendments)).toEqual([{ from: undefined, terms: granted }]);
  });

  it("gives one period a day, with the day's last change; none when the day's changes cancel out", () => {
    const oneDay = [
      { effectiveFrom: "2025-03-01", changes: { budgetSek: 1 }, order: 1 },
      { effectiveFrom: "2025-03-01", changes: { budgetSek: 2 }, order: 2 },
      { effectiveFrom: "2025-04-01", changes: { steering: "detailed" as const }, order: 3 },
      { effectiveFrom: "2025-04-01", changes: { steering: "broad" as const }, order: 4 },
    ];
    expect(termsPeriods(granted, oneDay)).toEqual([
      { from: undefined, terms: granted },
      { from: "2025-03-01", terms: { ...granted, budgetSek: 2 } },
    ]);
  });
});

describe("withLaterAmendment", () => {
  const earlier = [
    { effectiveFrom: "2025-03-01", changes: { budgetSek: 1 }, order: 1 },
    { effectiveFrom: "2025-04-01", changes: { steering: "detailed" as const }, order: 2 },
  ];
  // Folded inside each test, never while the tests are collected: a mutant must meet a test.
  const folded = () => termsPeriods(granted, earlier);

  it.each([
    ["on a later day", { effectiveFrom: "2025-05-01", changes: { budgetSek: 2 }, order: 3 }],
    ["on the latest day, recorded later", { effectiveFrom: "2025-04-01", changes: { budgetSek: 2 }, order: 3 }],
    ["undoing the latest day's change", { effectiveFrom: "2025-04-01", changes: { steering: "broad" as const }, order: 3 }],
    ["changing nothing", { effectiveFrom: "2025-06-01", changes: { budgetSek: 1 }, order: 3 }],
  ])("%s: the periods of folding them all again", (_what, amendment) => {
    expect(withLaterAmendment(folded(), amendment)).toEqual(termsPeriods(granted, [...earlier, amendment]));
  });

  it("leaves the periods it was given as they were", () => {
    const periods = folded();
    const before = [...periods];
    withLaterAmendment(periods, { effectiveFrom: "2025-04-01", changes: { budgetSek: 2 }, order: 3 });
    expect(periods).toEqual(before);
  });
});

describe("clausesOf", () => {
  it("lists every clause of the terms: scope, then boundaries, then principles", () => {
    expect(clausesOf({ ...granted, scope: scope("a", "b") }).map((clause) => clause.id)).toEqual(["S1", "S2", "B1", "P1"]);
  });
});

describe("numberedChanges", () => {
  const recorded = {
    granted: { ...granted, scope: scope("homework help", "sports") },
    amendments: [
      // S3 was added from May and removed again from June: its number stays used.
      {
        effectiveFrom: "2025-05-01",
        changes: { scope: [...scope("homework help", "sports"), { id: "S3", text: "art" }] },
        order: 0,
      },
      { effectiveFrom: "2025-06-01", changes: { scope: scope("homework help", "sports") }, order: 1 },
    ],
  };

  it("carries the ids of the terms in force on effectiveFrom and numbers new clauses after every number used", () => {
    const changes = numberedChanges(recorded, "2025-07-01", { scope: [{ text: "sports" }, { text: "music" }], budgetSek: 5 });
    expect(changes).toEqual({
      scope: [
        { id: "S2", text: "sports" },
        { id: "S4", text: "music" },
      ],
      budgetSek: 5,
    });
  });

  it("reads the terms on effectiveFrom, not the latest: a backdated amendment keeps the ids of its day", () => {
    const changes = numberedChanges(recorded, "2025-05-15", { scope: [{ text: "art" }] });
    expect(changes.scope).toEqual([{ id: "S3", text: "art" }]);
  });

  it("keeps an id the change names, and numbers each kind on its own", () => {
    const changes = numberedChanges(recorded, "2025-07-01", {
      scope: [{ id: "S1", text: "homework help and reading" }],
      boundaries: [{ text: "no new staff" }, { text: "within school hours" }],
    });
    expect(changes.scope).toEqual([{ id: "S1", text: "homework help and reading" }]);
    expect(changes.boundaries).toEqual([
      { id: "B1", text: "no new staff" },
      { id: "B2", text: "within school hours" },
    ]);
  });

  it("leaves what the change does not restate alone", () => {
    expect(numberedChanges(recorded, "2025-07-01", { steering: "detailed" })).toEqual({ steering: "detailed" });
  });
});

describe("clauseNumbersUsed", () => {
  it("is each kind's highest number in the grant and every amendment, whether still in force or not", () => {
    const amendments = [
      { effectiveFrom: "2025-05-01", changes: { scope: [{ id: "S7", text: "art" }] }, order: 0 },
      { effectiveFrom: "2025-06-01", changes: { scope: scope("homework help"), budgetSek: 1 }, order: 1 },
    ];
    expect(clauseNumbersUsed({ granted, amendments })).toEqual({ scope: 7, boundaries: 1, principles: 1 });
  });
});

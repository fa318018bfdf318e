import { describe, expect, it } from "vitest";
import {
  type Clause,
  type ClauseItem,
  carryClauseIds,
  clauseItemList,
  highestClauseNumber,
  numberedInOrder,
  unknownClauseIds,
} from "./mandate-clauses.js";

const before: Clause[] = [
  { id: "S1", text: "Läxhjälp" },
  { id: "S2", text: "Fritidsgårdar" },
  { id: "S4", text: "Föräldraträffar" },
];
const carry = (items: ReadonlyArray<ClauseItem>, used = 4) => carryClauseIds("scope", before, items, used);

describe("numberedInOrder", () => {
  it("numbers a grant's clauses from 1, with its kind's letter", () => {
    expect(numberedInOrder("boundaries", ["a", "b"])).toEqual([
      { id: "B1", text: "a" },
      { id: "B2", text: "b" },
    ]);
    expect(numberedInOrder("principles", ["a"])).toEqual([{ id: "P1", text: "a" }]);
    expect(numberedInOrder("scope", [])).toEqual([]);
  });
});

describe("carryClauseIds", () => {
  it("keeps the id of a clause whose text is unchanged, wherever it moves", () => {
    expect(carry([{ text: "Föräldraträffar" }, { text: "Läxhjälp" }]).clauses).toEqual([
      { id: "S4", text: "Föräldraträffar" },
      { id: "S1", text: "Läxhjälp" },
    ]);
  });

  it("keeps the id an item names for its new wording", () => {
    expect(carry([{ id: "S2", text: "Fritidsgårdar och bibliotek" }]).clauses).toEqual([
      { id: "S2", text: "Fritidsgårdar och bibliotek" },
    ]);
  });

  it("numbers a new clause after the highest number used, not the highest in force", () => {
    // S5 was used by a clause since removed: the next is S6, never S5 again.
    const { clauses, used } = carry([{ text: "Läxhjälp" }, { text: "Sommarskola" }], 5);
    expect(clauses).toEqual([
      { id: "S1", text: "Läxhjälp" },
      { id: "S6", text: "Sommarskola" },
    ]);
    expect(used).toBe(6);
  });

  it("gives an id once: an item naming it claims it before another item with the old text", () => {
    expect(carry([{ text: "Läxhjälp" }, { id: "S1", text: "Läxhjälp i skolan" }]).clauses).toEqual([
      { id: "S5", text: "Läxhjälp" },
      { id: "S1", text: "Läxhjälp i skolan" },
    ]);
  });

  it("gives a repeated text its old ids in order, then new ones", () => {
    const twice: Clause[] = [
      { id: "B1", text: "x" },
      { id: "B2", text: "x" },
    ];
    const { clauses } = carryClauseIds("boundaries", twice, [{ text: "x" }, { text: "x" }, { text: "x" }], 2);
    expect(clauses.map((clause) => clause.id)).toEqual(["B1", "B2", "B3"]);
  });

  it("leaves `used` as it was when nothing new is numbered", () => {
    expect(carry([{ text: "Läxhjälp" }], 9).used).toBe(9);
  });
});

describe("unknownClauseIds", () => {
  it("names the ids that are not among the clauses before, in the order named", () => {
    expect(
      unknownClauseIds(before, [{ id: "S9", text: "a" }, { text: "b" }, { id: "S2", text: "c" }, { id: "B1", text: "d" }]),
    ).toEqual(["S9", "B1"]);
  });
});

describe("highestClauseNumber", () => {
  it("is the highest number of the ids, 0 for none", () => {
    expect(highestClauseNumber(before)).toBe(4);
    expect(highestClauseNumber([{ text: "no id" }])).toBe(0);
  });
});

describe("clauseItemList", () => {
  it("takes an id once per list", () => {
    expect(clauseItemList.safeParse([{ id: "S1", text: "a" }, { text: "b" }]).success).toBe(true);
    expect(
      clauseItemList.safeParse([
        { id: "S1", text: "a" },
        { id: "S1", text: "b" },
      ]).success,
    ).toBe(false);
  });

  it("takes ids of S, B or P and a number from 1", () => {
    expect(clauseItemList.safeParse([{ id: "P12", text: "a" }]).success).toBe(true);
    expect(clauseItemList.safeParse([{ id: "S0", text: "a" }]).success).toBe(false);
    expect(clauseItemList.safeParse([{ id: "X1", text: "a" }]).success).toBe(false);
  });
});

/**
 * Properties over seeded random restatements: a list of amendments, each keeping, rewording
 * (by id), removing and adding clauses. A failure names its seed and step.
 */
describe("carryClauseIds, as properties", () => {
  const prng = (seed: number) => {
    let state = seed >>> 0;
    return (n: number) => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return (state >>> 8) % n;
    };
  };
  const TEXTS = ["a", "b", "c", "d", "e", "f"];

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: ids are never reused, unchanged text keeps its id, order is the items'", (seed) => {
    const random = prng(seed);
    let clauses = numberedInOrder("scope", TEXTS.slice(0, random(4)));
    let used = clauses.length;
    const everGiven = new Map<string, number>(clauses.map((clause) => [clause.id, 0]));
    for (let step = 1; step <= 30; step++) {
      const items: ClauseItem[] = clauses
        .filter(() => random(4) > 0)
        .map((clause) => (random(3) === 0 ? { id: clause.id, text: `${clause.text}'` } : { text: clause.text }));
      for (let added = random(3); added > 0; added--) items.splice(random(items.length + 1), 0, { text: TEXTS[random(6)]! });
      const next = carryClauseIds("scope", clauses, items, used);

      expect(
        next.clauses.map((clause) => clause.text),
        `seed ${seed}, step ${step}`,
      ).toEqual(items.map((item) => item.text));
      expect(new Set(next.clauses.map((clause) => clause.id)).size, `seed ${seed}, step ${step}`).toBe(next.clauses.length);
      for (const [index, clause] of next.clauses.entries()) {
        const item = items[index]!;
        if (item.id !== undefined) expect(clause.id).toBe(item.id);
        const old = clauses.find((earlier) => earlier.id === clause.id);
        // An id in force before names the same clause (same text, or the rewording that named it);
        // any other id is new, never one given before.
        if (old) expect(item.id === clause.id || old.text === clause.text, `seed ${seed}, step ${step}`).toBe(true);
        else expect(everGiven.has(clause.id), `seed ${seed}, step ${step}: ${clause.id} reused`).toBe(false);
        everGiven.set(clause.id, step);
      }
      // Every unchanged text of the clauses before keeps an id it had, as many times as it stays.
      for (const text of new Set(items.filter((item) => item.id === undefined).map((item) => item.text))) {
        const had = clauses.filter((clause) => clause.text === text && !items.some((item) => item.id === clause.id));
        const kept = next.clauses.filter((clause) => clause.text === text && had.some((old) => old.id === clause.id));
        const stays = items.filter((item) => item.id === undefined && item.text === text).length;
        expect(kept.length, `seed ${seed}, step ${step}, "${text}"`).toBe(Math.min(had.length, stays));
      }
      expect(next.used).toBe(Math.max(used, highestClauseNumber(next.clauses)));
      ({ clauses, used } = next);
    }
  });
});

import { describe, expect, it } from "vitest";
import { LayeredMap } from "./layered-map.js";

/** A small deterministic generator (mulberry32), so that a failing sequence repeats. */
const randomFrom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

/** Everything a reader can see of a map, in the order it sees it (as JSON: quick to compare). */
const seen = (map: ReadonlyMap<number, string | undefined>) => {
  const forEach: Array<[number, string | undefined]> = [];
  map.forEach((value, key) => forEach.push([key, value]));
  const values = [...map.values()].map((value) => value ?? "(undefined)");
  return JSON.stringify({ size: map.size, entries: [...map], keys: [...map.keys()], values, forEach });
};

describe("LayeredMap", () => {
  it("reads, writes and iterates as a Map does, through random sets, deletes, clears and forks", () => {
    for (const seed of [1, 2, 3]) {
      const random = randomFrom(seed);
      // Pairs of a LayeredMap and the plain Map it must equal; a fork adds a pair, and
      // both sides of a fork are written on, each leaving the other as it was.
      const pairs: Array<{ layered: LayeredMap<number, string | undefined>; plain: Map<number, string | undefined> }> = [
        { layered: LayeredMap.of(), plain: new Map() },
      ];
      for (let step = 0; step < 3_000; step++) {
        const pair = pairs[Math.floor(random() * pairs.length)]!;
        const key = Math.floor(random() * 300);
        const roll = random();
        if (roll < 0.5) {
          // An undefined value is a value: the key is there.
          const value = roll < 0.05 ? undefined : `v${step}`;
          expect(pair.layered.set(key, value)).toBe(pair.layered);
          pair.plain.set(key, value);
        } else if (roll < 0.8) {
          expect(pair.layered.delete(key)).toBe(pair.plain.delete(key));
        } else if (roll < 0.995) {
          expect(pair.layered.get(key)).toBe(pair.plain.get(key));
          expect(pair.layered.has(key)).toBe(pair.plain.has(key));
        } else if (roll < 0.998) {
          pairs.push({ layered: pair.layered.fork(), plain: new Map(pair.plain) });
        } else {
          pair.layered.clear();
          pair.plain.clear();
        }
        // The pair written, and now and then every pair: a write must leave the others as they were.
        const checked = step % 100 === 0 ? pairs : [pair];
        for (const { layered, plain } of checked) expect(seen(layered)).toBe(seen(plain));
      }
      expect(pairs.length).toBeGreaterThan(3);
    }
  });

  it("keeps a key's place when it is set again, and moves it to the end when set after a delete", () => {
    const map = LayeredMap.of([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
    map.set(1, "a2").delete(2);
    map.set(2, "b2").set(4, "d");
    expect([...map]).toEqual([
      [1, "a2"],
      [3, "c"],
      [2, "b2"],
      [4, "d"],
    ]);
  });

  it("leaves each earlier copy as it was when a copy of it is written, down a chain of 500 copies", () => {
    // A cached state advanced command by command: each state a copy of the last, one entry more.
    const chain = [LayeredMap.of(Array.from({ length: 10_000 }, (_, i) => [i, i] as const))];
    for (let i = 0; i < 500; i++)
      chain.push(
        chain
          .at(-1)!
          .fork()
          .set(10_000 + i, i),
      );
    chain[250]!.set(0, -1).delete(1);
    for (const [i, map] of chain.entries()) {
      expect(map.size).toBe(i === 250 ? 10_000 + i - 1 : 10_000 + i);
      expect(map.has(10_000 + i - 1)).toBe(true);
      expect(map.has(10_000 + i)).toBe(false);
      expect(map.get(0)).toBe(i === 250 ? -1 : 0);
      expect([...map.keys()].at(-1)).toBe(i === 0 ? 9_999 : 10_000 + i - 1);
    }
  });

  it("says what it is to anyone who asks", () => {
    expect(Object.prototype.toString.call(LayeredMap.of())).toBe("[object LayeredMap]");
    expect(LayeredMap.of()).not.toBeInstanceOf(Map);
  });
});

import { describe, expect, it } from "vitest";
import { distinctTitles } from "./distinct-titles.js";

describe("distinctTitles", () => {
  it("numbers the items that share a title, in their order, and leaves the others as they are", () => {
    const titles = distinctTitles([
      { title: "Delegationsbeslut 2024-11-03: mandat ändrat, Drömfabriken", n: 1 },
      { title: "Roller glider in i varandra", n: 2 },
      { title: "Delegationsbeslut 2024-11-03: mandat ändrat, Drömfabriken", n: 3 },
    ]);
    expect(titles).toEqual([
      { title: "Delegationsbeslut 2024-11-03: mandat ändrat, Drömfabriken (1 av 2)", n: 1 },
      { title: "Roller glider in i varandra", n: 2 },
      { title: "Delegationsbeslut 2024-11-03: mandat ändrat, Drömfabriken (2 av 2)", n: 3 },
    ]);
  });

  it("numbers again a numbered title that meets another's own, until every title is its own", () => {
    const titles = distinctTitles([{ title: "Samma" }, { title: "Samma" }, { title: "Samma (1 av 2)" }]).map(
      ({ title }) => title,
    );
    expect(new Set(titles).size).toBe(3);
    expect(titles).toEqual(["Samma (1 av 2) (1 av 2)", "Samma (2 av 2)", "Samma (1 av 2) (2 av 2)"]);
  });
});

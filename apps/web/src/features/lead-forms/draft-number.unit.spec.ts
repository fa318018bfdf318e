import { describe, expect, it } from "vitest";
import { numberOf } from "./draft-number";

describe("numberOf", () => {
  it("reads a comma or a point before the decimals, and spaces between digit groups", () => {
    expect(numberOf("12,5")).toBe(12.5);
    expect(numberOf("12.5")).toBe(12.5);
    expect(numberOf(" 3,75 ")).toBe(3.75);
    expect(numberOf("1 000")).toBe(1000);
    expect(numberOf("1\u00a0000,25")).toBe(1000.25);
    expect(numberOf("1000")).toBe(1000);
    expect(numberOf("-2,5")).toBe(-2.5);
    expect(numberOf("0,125")).toBeNaN(); // three decimals after at most three digits: a thousand or an eighth?
    expect(numberOf("10000,125")).toBe(10000.125);
  });

  it("leaves an empty field undefined, and refuses what is no number or reads two ways (NaN)", () => {
    expect(numberOf("")).toBeUndefined();
    expect(numberOf("  ")).toBeUndefined();
    for (const text of ["1.000", "2,500", "1.000,5", "1,000.5", "12,5,0", "tolv", "12a", "1e3", ",5", "5,"]) {
      expect(numberOf(text), text).toBeNaN();
    }
  });
});

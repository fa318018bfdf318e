import { describe, expect, it } from "vitest";
import { numberOf } from "./draft-number";

describe("numberOf", () => {
  it("reads the page language's decimal mark, whatever follows it, and spaces between digit groups", () => {
    expect(numberOf("12,5", "sv")).toBe(12.5);
    expect(numberOf("2,375", "sv")).toBe(2.375);
    expect(numberOf("2.375", "en")).toBe(2.375);
    expect(numberOf(" 3,75 ", "sv")).toBe(3.75);
    expect(numberOf("1 000", "sv")).toBe(1000);
    expect(numberOf("1\u00a0000,25", "sv")).toBe(1000.25);
    expect(numberOf("1000", "en")).toBe(1000);
    expect(numberOf("-2,5", "sv")).toBe(-2.5);
  });

  it("reads the other mark as a decimal mark too, unless it could separate thousands", () => {
    expect(numberOf("12.5", "sv")).toBe(12.5);
    expect(numberOf("12,5", "en")).toBe(12.5);
    expect(numberOf("0.125", "sv")).toBe(0.125); // no thousands before it
    expect(numberOf("10000.125", "sv")).toBe(10000.125);
    for (const [text, language] of [
      ["1.000", "sv"],
      ["2.500", "sv"],
      ["1,000", "en"],
      ["-2,500", "en"],
    ] as const) {
      expect(numberOf(text, language), `${text} (${language})`).toBeNaN();
    }
  });

  it("leaves an empty field undefined, and refuses what is no number (NaN)", () => {
    expect(numberOf("")).toBeUndefined();
    expect(numberOf("  ")).toBeUndefined();
    for (const text of ["1.000,5", "1,000.5", "12,5,0", "tolv", "12a", "1e3", ",5", "5,"]) {
      expect(numberOf(text), text).toBeNaN();
    }
  });
});

import { describe, expect, it } from "vitest";
import { periodStart, periodsBetween } from "./periods.js";

describe("periodStart", () => {
  it.each([
    ["2024-12-29", "2024-12-23"], // a Sunday closes the week begun on Monday
    ["2024-12-30", "2024-12-30"], // a Monday opens its own week
    ["2024-12-31", "2024-12-30"],
    ["2025-01-01", "2024-12-30"], // ISO week 1 of 2025 starts in 2024
    ["2025-01-05", "2024-12-30"],
    ["2025-01-06", "2025-01-06"],
    ["2024-02-29", "2024-02-26"], // leap day
    ["2024-03-03", "2024-02-26"],
  ])("puts %s in the week starting %s", (date, start) => {
    expect(periodStart(date, "week")).toBe(start);
  });

  it.each([
    ["2025-01-01", "2025-01-01"],
    ["2025-01-31", "2025-01-01"],
    ["2024-12-31", "2024-12-01"],
    ["2024-02-29", "2024-02-01"],
  ])("puts %s in the month starting %s", (date, start) => {
    expect(periodStart(date, "month")).toBe(start);
  });
});

describe("periodsBetween", () => {
  it("lists whole weeks across a year end, the last one containing `to`", () => {
    expect(periodsBetween("2024-12-25", "2025-01-06", "week")).toEqual([
      { start: "2024-12-23", end: "2024-12-29" },
      { start: "2024-12-30", end: "2025-01-05" },
      { start: "2025-01-06", end: "2025-01-12" },
    ]);
  });

  it("lists months with their last days, leap February and year end included", () => {
    expect(periodsBetween("2023-12-15", "2024-03-01", "month")).toEqual([
      { start: "2023-12-01", end: "2023-12-31" },
      { start: "2024-01-01", end: "2024-01-31" },
      { start: "2024-02-01", end: "2024-02-29" },
      { start: "2024-03-01", end: "2024-03-31" },
    ]);
    expect(periodsBetween("2025-02-01", "2025-02-28", "month")).toEqual([{ start: "2025-02-01", end: "2025-02-28" }]);
  });

  it("gives one period when `from` and `to` fall in the same one", () => {
    expect(periodsBetween("2025-01-01", "2025-01-01", "week")).toEqual([{ start: "2024-12-30", end: "2025-01-05" }]);
  });

  it("gives none when `from` is after `to`, even within one period", () => {
    expect(periodsBetween("2025-01-03", "2025-01-01", "week")).toEqual([]);
    expect(periodsBetween("2025-03-01", "2025-01-01", "month")).toEqual([]);
  });
});

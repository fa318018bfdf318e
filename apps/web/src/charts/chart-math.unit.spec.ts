import { describe, expect, it } from "vitest";
import { labelledIndexes, linearAxis } from "./axis";
import { dayInStockholm } from "../i18n/format";
import { formatNumber, formatSek, isoWeek, median } from "./format";

describe("the charts' arithmetic", () => {
  it("draws an axis from 0 to a round value at or above the largest, in whole steps", () => {
    expect(linearAxis([0, 1]).ticks).toEqual([0, 1]);
    expect(linearAxis([]).ticks).toEqual([0, 1]);
    expect(linearAxis([7]).ticks).toEqual([0, 2, 4, 6, 8]);
    const money = linearAxis([600_000, 954_000]);
    expect(money.max).toBe(1_000_000);
    expect(money.ticks).toEqual([0, 200_000, 400_000, 600_000, 800_000, 1_000_000]);
    const scale = linearAxis([3, 4], { min: 1, max: 5, count: 4 });
    expect(scale.ticks).toEqual([1, 2, 3, 4, 5]);
    expect(scale.place(3, 200, 0)).toBe(100);
  });

  it("labels the first and last category and some between", () => {
    expect(labelledIndexes(3, 4)).toEqual([0, 1, 2]);
    expect(labelledIndexes(13, 4)).toEqual([0, 4, 8, 12]);
    expect(labelledIndexes(53, 4)).toEqual([0, 18, 36, 52]);
    expect(labelledIndexes(12, 5)).toEqual([0, 3, 6, 11]);
  });

  it("numbers weeks as ISO 8601 does, the Thursday deciding the year", () => {
    expect(isoWeek("2024-09-09")).toEqual([37, 2024]);
    expect(isoWeek("2024-12-30")).toEqual([1, 2025]);
    expect(isoWeek("2021-01-04")).toEqual([1, 2021]);
    expect(isoWeek("2020-12-28")).toEqual([53, 2020]);
  });

  it("takes the median of odd and even counts", () => {
    expect(median([])).toBeNull();
    expect(median([45, 3, 60])).toBe(45);
    expect(median([50, 60])).toBe(55);
  });

  it("writes figures and days as the language does", () => {
    expect(formatSek(12_000, "sv")).toBe("12\u00a0000\u00a0kr");
    expect(formatSek(12_000, "en")).toBe("SEK\u00a012,000");
    expect(formatNumber(4.5, "sv")).toBe("4,5");
    expect(formatNumber(4.5, "en")).toBe("4.5");
    expect(dayInStockholm("2024-11-13T23:30:00.000Z")).toBe("2024-11-14");
  });
});

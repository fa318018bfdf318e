import { describe, expect, it } from "vitest";
import {
  type MandateValidity,
  daysInForce,
  isInForceOn,
  mandateInForceOn,
  overlapping,
  rangesOverlap,
} from "./mandate-validity.js";

const firstHalf2025: MandateValidity = { validFrom: "2025-01-01", validUntil: "2025-06-30" };
const openFrom2025: MandateValidity = { validFrom: "2025-01-01" };

describe("isInForceOn: a mandate with a validity range", () => {
  it.each([
    ["the day before validFrom", "2024-12-31", false],
    ["validFrom", "2025-01-01", true],
    ["a day in between", "2025-03-15", true],
    ["validUntil", "2025-06-30", true],
    ["the day after validUntil", "2025-07-01", false],
  ])("%s (%s): %s", (_what, date, expected) => expect(isInForceOn(firstHalf2025, date)).toBe(expected));
});

describe("isInForceOn: an open-ended mandate", () => {
  it.each([
    ["the day before validFrom", "2024-12-31", false],
    ["validFrom", "2025-01-01", true],
    ["far in the future", "2099-12-31", true],
  ])("%s (%s): %s", (_what, date, expected) => expect(isInForceOn(openFrom2025, date)).toBe(expected));
});

describe("isInForceOn: a revoked mandate", () => {
  const revokedFromMay: MandateValidity = { ...firstHalf2025, revokedFrom: "2025-05-01" };
  it.each([
    ["validFrom", "2025-01-01", true],
    ["the day before revokedFrom", "2025-04-30", true],
    ["revokedFrom", "2025-05-01", false],
    ["after revokedFrom, before validUntil", "2025-06-30", false],
    ["after validUntil", "2025-07-01", false],
  ])("%s (%s): %s", (_what, date, expected) => expect(isInForceOn(revokedFromMay, date)).toBe(expected));

  it("an open-ended mandate is in force the day before revokedFrom, not from revokedFrom on", () => {
    const mandate: MandateValidity = { ...openFrom2025, revokedFrom: "2026-01-01" };
    expect(isInForceOn(mandate, "2025-12-31")).toBe(true);
    expect(isInForceOn(mandate, "2026-01-01")).toBe(false);
    expect(isInForceOn(mandate, "2030-01-01")).toBe(false);
  });

  it("a revocation effective on validFrom leaves no day in force", () => {
    const mandate: MandateValidity = { ...firstHalf2025, revokedFrom: "2025-01-01" };
    expect(daysInForce(mandate)).toBeUndefined();
    for (const date of ["2024-12-31", "2025-01-01", "2025-03-15", "2025-06-30"]) expect(isInForceOn(mandate, date)).toBe(false);
  });

  it("a revocation after validUntil changes nothing", () => {
    const mandate: MandateValidity = { ...firstHalf2025, revokedFrom: "2025-09-01" };
    expect(daysInForce(mandate)).toEqual({ from: "2025-01-01", until: "2025-06-30" });
    expect(isInForceOn(mandate, "2025-06-30")).toBe(true);
    expect(isInForceOn(mandate, "2025-07-01")).toBe(false);
  });
});

describe("daysInForce", () => {
  it("is the validity range of an unrevoked mandate", () =>
    expect(daysInForce(firstHalf2025)).toEqual({ from: "2025-01-01", until: "2025-06-30" }));
  it("is open-ended for an open-ended mandate", () => expect(daysInForce(openFrom2025)).toEqual({ from: "2025-01-01" }));
  it("ends the day before revokedFrom", () =>
    expect(daysInForce({ ...firstHalf2025, revokedFrom: "2025-05-01" })).toEqual({ from: "2025-01-01", until: "2025-04-30" }));
  it("ends the day before revokedFrom for an open-ended mandate", () =>
    expect(daysInForce({ ...openFrom2025, revokedFrom: "2025-05-01" })).toEqual({ from: "2025-01-01", until: "2025-04-30" }));
  it("is validUntil when revokedFrom is the day after validUntil", () =>
    expect(daysInForce({ ...firstHalf2025, revokedFrom: "2025-07-01" })).toEqual({ from: "2025-01-01", until: "2025-06-30" }));
  it("ends the day before validUntil when revokedFrom is validUntil", () =>
    expect(daysInForce({ ...firstHalf2025, revokedFrom: "2025-06-30" })).toEqual({ from: "2025-01-01", until: "2025-06-29" }));
  it("is the single day validFrom when revokedFrom is the day after validFrom", () =>
    expect(daysInForce({ ...firstHalf2025, revokedFrom: "2025-01-02" })).toEqual({ from: "2025-01-01", until: "2025-01-01" }));
});

describe("rangesOverlap", () => {
  const a = { from: "2025-01-01", until: "2025-06-30" };

  it.each([
    ["the same range", { from: "2025-01-01", until: "2025-06-30" }, true],
    ["a partial overlap at the end", { from: "2025-06-01", until: "2025-12-31" }, true],
    ["a partial overlap at the start", { from: "2024-07-01", until: "2025-01-31" }, true],
    ["a range inside", { from: "2025-03-01", until: "2025-03-31" }, true],
    ["a range around", { from: "2024-01-01", until: "2025-12-31" }, true],
    ["touching: other's from = until (one shared day)", { from: "2025-06-30", until: "2025-12-31" }, true],
    ["touching: other's until = from (one shared day)", { from: "2024-07-01", until: "2025-01-01" }, true],
    ["adjacent after: other's from = until + 1", { from: "2025-07-01", until: "2025-12-31" }, false],
    ["adjacent before: other's until = from - 1", { from: "2024-07-01", until: "2024-12-31" }, false],
    ["far apart", { from: "2027-01-01", until: "2027-12-31" }, false],
    ["open-ended, starting inside", { from: "2025-03-01" }, true],
    ["open-ended, starting before", { from: "2020-01-01" }, true],
    ["open-ended, starting on until", { from: "2025-06-30" }, true],
    ["open-ended, starting the day after until", { from: "2025-07-01" }, false],
  ])("%s: %s", (_what, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
    expect(rangesOverlap(b, a)).toBe(expected);
  });

  it("two open-ended ranges always overlap", () => {
    expect(rangesOverlap({ from: "2025-01-01" }, { from: "2030-01-01" })).toBe(true);
    expect(rangesOverlap({ from: "2030-01-01" }, { from: "2025-01-01" })).toBe(true);
  });

  it("single-day ranges overlap only on the same day", () => {
    expect(rangesOverlap({ from: "2025-03-01", until: "2025-03-01" }, { from: "2025-03-01", until: "2025-03-01" })).toBe(true);
    expect(rangesOverlap({ from: "2025-03-01", until: "2025-03-01" }, { from: "2025-03-02", until: "2025-03-02" })).toBe(false);
  });
});

describe("overlapping", () => {
  const first = { id: "first", validFrom: "2025-01-01", validUntil: "2025-06-30" };
  const second = { id: "second", validFrom: "2025-07-01", validUntil: "2025-12-31" };
  const revokedOnStart = { id: "revoked", validFrom: "2026-01-01", validUntil: "2026-06-30", revokedFrom: "2026-01-01" };
  const mandates = [first, second, revokedOnStart];

  it("finds the mandates sharing a day with the range", () =>
    expect(overlapping({ from: "2025-06-30", until: "2025-07-01" }, mandates).map((m) => m.id)).toEqual(["first", "second"]));
  it("finds none in a range between them", () =>
    expect(overlapping({ from: "2024-01-01", until: "2024-12-31" }, mandates)).toEqual([]));
  it("ignores a mandate revoked on its validFrom", () =>
    expect(overlapping({ from: "2026-01-01", until: "2026-06-30" }, mandates)).toEqual([]));
  it("ignores the days a revocation took away", () => {
    const revokedInMay = { id: "may", validFrom: "2025-01-01", validUntil: "2025-06-30", revokedFrom: "2025-05-01" };
    expect(overlapping({ from: "2025-05-01", until: "2025-06-30" }, [revokedInMay])).toEqual([]);
    expect(overlapping({ from: "2025-04-30", until: "2025-06-30" }, [revokedInMay])).toEqual([revokedInMay]);
  });
  it("an open-ended range finds every later mandate", () =>
    expect(overlapping({ from: "2025-03-01" }, mandates).map((m) => m.id)).toEqual(["first", "second"]));
});

describe("mandateInForceOn: two consecutive mandates", () => {
  const first = { id: "first", validFrom: "2025-01-01", validUntil: "2025-06-30" };
  const second = { id: "second", validFrom: "2025-07-01" };
  const mandates = [second, first];

  it.each([
    ["2024-12-31", undefined],
    ["2025-01-01", "first"],
    ["2025-06-30", "first"],
    ["2025-07-01", "second"],
    ["2040-01-01", "second"],
  ])("on %s: %s", (date, expected) => expect(mandateInForceOn(mandates, date)?.id).toBe(expected));

  it("none when the later one is revoked from its start", () =>
    expect(mandateInForceOn([first, { ...second, revokedFrom: "2025-07-01" }], "2025-07-01")).toBeUndefined());
  it("the first up to the day before its revocation, then none until the second starts", () => {
    const revokedFirst = { ...first, revokedFrom: "2025-05-01" };
    expect(mandateInForceOn([revokedFirst, second], "2025-04-30")?.id).toBe("first");
    expect(mandateInForceOn([revokedFirst, second], "2025-05-01")).toBeUndefined();
    expect(mandateInForceOn([revokedFirst, second], "2025-07-01")?.id).toBe("second");
  });
  it("none among no mandates", () => expect(mandateInForceOn([], "2025-01-01")).toBeUndefined());
});

describe("month and year boundaries", () => {
  describe("leap day 2024-02-29", () => {
    const untilLeapDay: MandateValidity = { validFrom: "2024-01-01", validUntil: "2024-02-29" };
    it.each([
      ["2024-02-28", true],
      ["2024-02-29", true],
      ["2024-03-01", false],
    ])("until the leap day, on %s: %s", (date, expected) => expect(isInForceOn(untilLeapDay, date)).toBe(expected));

    it("a revocation from 2024-03-01 ends the days in force on the leap day", () =>
      expect(daysInForce({ validFrom: "2024-01-01", revokedFrom: "2024-03-01" })).toEqual({
        from: "2024-01-01",
        until: "2024-02-29",
      }));
    it("a revocation from the leap day ends the days in force on 2024-02-28", () =>
      expect(daysInForce({ validFrom: "2024-01-01", revokedFrom: "2024-02-29" })).toEqual({
        from: "2024-01-01",
        until: "2024-02-28",
      }));
    it("in a common year a revocation from 2025-03-01 ends on 2025-02-28", () =>
      expect(daysInForce({ validFrom: "2025-01-01", revokedFrom: "2025-03-01" })).toEqual({
        from: "2025-01-01",
        until: "2025-02-28",
      }));
    it("a mandate starting on the leap day is adjacent to one ending 2024-02-28", () => {
      expect(rangesOverlap({ from: "2024-01-01", until: "2024-02-28" }, { from: "2024-02-29" })).toBe(false);
      expect(rangesOverlap({ from: "2024-01-01", until: "2024-02-29" }, { from: "2024-02-29" })).toBe(true);
    });
    it("consecutive mandates hand over across the leap day", () => {
      const mandates = [
        { id: "winter", validFrom: "2024-01-01", validUntil: "2024-02-28" },
        { id: "spring", validFrom: "2024-02-29", validUntil: "2024-05-31" },
      ];
      expect(mandateInForceOn(mandates, "2024-02-28")?.id).toBe("winter");
      expect(mandateInForceOn(mandates, "2024-02-29")?.id).toBe("spring");
      expect(mandateInForceOn(mandates, "2024-03-01")?.id).toBe("spring");
    });
  });

  describe("new year 2024-12-31 / 2025-01-01", () => {
    const year2024: MandateValidity = { validFrom: "2024-01-01", validUntil: "2024-12-31" };
    it.each([
      ["2024-12-31", true],
      ["2025-01-01", false],
    ])("a 2024 mandate on %s: %s", (date, expected) => expect(isInForceOn(year2024, date)).toBe(expected));

    it("a revocation from 2025-01-01 ends the days in force on 2024-12-31", () =>
      expect(daysInForce({ validFrom: "2024-06-01", revokedFrom: "2025-01-01" })).toEqual({
        from: "2024-06-01",
        until: "2024-12-31",
      }));
    it("a 2024 mandate and a 2025 mandate are adjacent, not overlapping", () =>
      expect(rangesOverlap({ from: "2024-01-01", until: "2024-12-31" }, { from: "2025-01-01", until: "2025-12-31" })).toBe(
        false,
      ));
    it("consecutive yearly mandates hand over at new year", () => {
      const mandates = [
        { id: "2024", ...year2024 },
        { id: "2025", validFrom: "2025-01-01", validUntil: "2025-12-31" },
      ];
      expect(mandateInForceOn(mandates, "2024-12-31")?.id).toBe("2024");
      expect(mandateInForceOn(mandates, "2025-01-01")?.id).toBe("2025");
    });
  });

  it("a revocation from the first of a month ends the days in force on the last of the previous one", () => {
    expect(daysInForce({ validFrom: "2025-01-01", revokedFrom: "2025-05-01" })?.until).toBe("2025-04-30");
    expect(daysInForce({ validFrom: "2025-01-01", revokedFrom: "2025-08-01" })?.until).toBe("2025-07-31");
  });
});

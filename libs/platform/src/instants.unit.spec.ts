import { describe, expect, it } from "vitest";
import { endOfStockholmDay, parseInstant, startOfStockholmDay } from "./instants.js";

describe("Stockholm days", () => {
  it("end at 23:59:59.999 local time, in winter and in summer", () => {
    expect(endOfStockholmDay("2025-02-15")).toBe("2025-02-15T22:59:59.999Z");
    expect(endOfStockholmDay("2025-07-01")).toBe("2025-07-01T21:59:59.999Z");
  });
  it("start at midnight local time, across the change to summer time", () => {
    expect(startOfStockholmDay("2025-03-30")).toBe("2025-03-29T23:00:00.000Z");
    expect(startOfStockholmDay("2025-03-31")).toBe("2025-03-30T22:00:00.000Z");
  });
});

describe("parseInstant", () => {
  it("takes an instant with an offset as given, in UTC", () => {
    expect(parseInstant("2025-02-15T10:00:00+01:00", "end")).toBe("2025-02-15T09:00:00.000Z");
    expect(parseInstant("2025-02-15T10:00:00Z", "start")).toBe("2025-02-15T10:00:00.000Z");
  });
  it("reads a bare date as the start or end of that day", () => {
    expect(parseInstant("2025-02-15", "end")).toBe("2025-02-15T22:59:59.999Z");
    expect(parseInstant("2025-02-15", "start")).toBe("2025-02-14T23:00:00.000Z");
  });
  it("refuses what is neither, and instants without an offset", () => {
    expect(parseInstant("yesterday", "end")).toBeUndefined();
    expect(parseInstant("2025-02-15T10:00:00", "end")).toBeUndefined();
  });
});

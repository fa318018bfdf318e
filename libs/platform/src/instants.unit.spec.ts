import { describe, expect, it } from "vitest";
import { parseInstant } from "./instants.js";

describe("parseInstant", () => {
  it("takes an instant with an offset as given, in UTC", () => {
    expect(parseInstant("2025-02-15T10:00:00+01:00", "end")).toBe("2025-02-15T09:00:00.000Z");
    expect(parseInstant("2025-02-15T10:00:00Z", "start")).toBe("2025-02-15T10:00:00.000Z");
  });
  it("reads a bare date as the start or end of that day", () => {
    expect(parseInstant("2025-02-15", "end")).toBe("2025-02-15T22:59:59.999Z");
    expect(parseInstant("2025-02-15", "start")).toBe("2025-02-14T23:00:00.000Z");
  });
  it("ends a Stockholm day at 23:59:59.999 local time in summer too", () => {
    expect(parseInstant("2025-07-01", "end")).toBe("2025-07-01T21:59:59.999Z");
  });
  it("starts a Stockholm day at midnight local time, across the change to summer time", () => {
    expect(parseInstant("2025-03-30", "start")).toBe("2025-03-29T23:00:00.000Z");
    expect(parseInstant("2025-03-31", "start")).toBe("2025-03-30T22:00:00.000Z");
  });
  it("refuses what is neither, and instants without an offset", () => {
    expect(parseInstant("yesterday", "end")).toBeUndefined();
    expect(parseInstant("2025-02-15T10:00:00", "end")).toBeUndefined();
  });
  it("refuses a day the calendar does not have instead of rolling it over", () => {
    expect(parseInstant("2025-02-30", "end")).toBeUndefined();
    expect(parseInstant("2025-02-30", "start")).toBeUndefined();
    expect(parseInstant("2023-02-29", "end")).toBeUndefined();
    expect(parseInstant("2025-02-30T10:00:00Z", "start")).toBeUndefined();
    expect(parseInstant("2024-02-29", "end")).toBe("2024-02-29T22:59:59.999Z");
    expect(parseInstant("2024-02-29", "start")).toBe("2024-02-28T23:00:00.000Z");
  });
});

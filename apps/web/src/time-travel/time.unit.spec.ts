import { describe, expect, it } from "vitest";
import { CALENDAR_RANGE as API_CALENDAR_RANGE } from "#domain";
import {
  CALENDAR_RANGE,
  asOfForApi,
  parseDate,
  parseDateTime,
  parseTime,
  timedApiPath,
  timedLink,
  unreadableTime,
  withTime,
} from "./time";

describe("the time machine's values", () => {
  it("takes the dates the API takes", () => expect(CALENDAR_RANGE).toEqual(API_CALENDAR_RANGE));

  it("takes real dates only", () => {
    expect(parseDate("2024-10-20")).toBe("2024-10-20");
    expect(parseDate(" 2024-02-29 ")).toBe("2024-02-29");
    expect(parseDate("2023-02-29")).toBeNull();
    expect(parseDate("2024-10-32")).toBeNull();
    expect(parseDate("20/10/2024")).toBeNull();
    // The dates the API takes: 2000 to 2100.
    expect(parseDate("1999-12-31")).toBeNull();
    expect(parseDate("2101-01-01")).toBeNull();
    expect(parseDate("2100-12-31")).toBe("2100-12-31");
  });

  it("takes a date and time as people write it, or a bare date", () => {
    expect(parseDateTime("2024-11-01 12:00")).toBe("2024-11-01T12:00");
    expect(parseDateTime("2024-11-01T9.05")).toBe("2024-11-01T09:05");
    expect(parseDateTime("2024-11-01")).toBe("2024-11-01");
    expect(parseDateTime("2024-11-01 24:00")).toBeNull();
    expect(parseDateTime("2024-11-31 12:00")).toBeNull();
    expect(parseDateTime("igår")).toBeNull();
  });

  it("reads the address, leaving out what is no date", () => {
    expect(parseTime("?galler=2024-10-20&kant=2024-11-01T12%3A00")).toEqual({ at: "2024-10-20", asOf: "2024-11-01T12:00" });
    expect(parseTime("?galler=nej&kant=")).toEqual({ at: null, asOf: null });
  });

  it("names the values of the address it cannot read, as written", () => {
    expect(unreadableTime("?galler=2024-10-20&kant=2024-11-01T12%3A00&x=1")).toEqual([]);
    expect(unreadableTime("")).toEqual([]);
    expect(unreadableTime("?galler=2024-02-30&kant=2024-11-01%2025%3A00")).toEqual([
      { parameter: "galler", text: "2024-02-30" },
      { parameter: "kant", text: "2024-11-01 25:00" },
    ]);
    expect(unreadableTime("?galler=&kant=")).toEqual([]);
    expect(unreadableTime("?kant=2999-01-01")).toEqual([{ parameter: "kant", text: "2999-01-01" }]);
    expect(unreadableTime("?fran=2024-13-45&till=2024-12-31")).toEqual([{ parameter: "fran", text: "2024-13-45" }]);
  });

  it("gives the API an instant in Stockholm's time, winter and summer, and a bare date as itself", () => {
    expect(asOfForApi("2024-11-01T12:00")).toBe("2024-11-01T11:00:00.000Z");
    expect(asOfForApi("2024-07-01T12:00")).toBe("2024-07-01T10:00:00.000Z");
    // The night the clocks go back: 01:30 still summer time; 02:30, which comes twice, read as winter time.
    expect(asOfForApi("2024-10-27T01:30")).toBe("2024-10-26T23:30:00.000Z");
    expect(asOfForApi("2024-10-27T02:30")).toBe("2024-10-27T01:30:00.000Z");
    expect(asOfForApi("2024-11-01")).toBe("2024-11-01");
  });

  it("adds to an API path only what the read takes, under its name", () => {
    const time = { at: "2024-10-20", asOf: "2024-11-01T12:00" };
    expect(timedApiPath("/api/v1/initiatives/x", time, { at: "at", asOf: true })).toBe(
      "/api/v1/initiatives/x?at=2024-10-20&asOf=2024-11-01T11%3A00%3A00.000Z",
    );
    expect(timedApiPath("/api/v1/signals?initiativeId=x", time, { asOf: true })).toBe(
      "/api/v1/signals?initiativeId=x&asOf=2024-11-01T11%3A00%3A00.000Z",
    );
    expect(timedApiPath("/api/v1/decisions", { at: "2024-10-20", asOf: null }, { at: "to", asOf: true })).toBe(
      "/api/v1/decisions?to=2024-10-20",
    );
    expect(timedApiPath("/api/v1/initiatives", { at: null, asOf: null }, { asOf: true })).toBe("/api/v1/initiatives");
  });

  it("keeps the time in the app's links, and clears it", () => {
    const time = { at: "2024-10-20", asOf: null };
    expect(timedLink("/initiativ/x", time)).toBe("/initiativ/x?galler=2024-10-20");
    expect(timedLink("/portfolj?sortering=namn&galler=2023-01-01", time)).toBe("/portfolj?sortering=namn&galler=2024-10-20");
    expect(timedLink("/initiativ/x", { at: null, asOf: null })).toBe("/initiativ/x");
    expect(withTime("/beslut", "?fran=2024-09-01&galler=2024-10-20", { at: null, asOf: null })).toBe("/beslut?fran=2024-09-01");
  });
});

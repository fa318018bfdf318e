import { calendarDate } from "#domain";
import { describe, expect, it } from "vitest";
import { calendarDateOf } from "./calendar-day.js";

describe("calendarDateOf", () => {
  it("answers as calendarDate does around midnight in Stockholm, winter and summer, and in either order", () => {
    const instants = [
      "2025-01-15T12:00:00.000Z",
      "2025-01-15T22:59:59.999Z", // the last millisecond of 15 January in Stockholm (UTC+1)
      "2025-01-15T23:00:00.000Z",
      "2025-01-15T22:59:59.999Z",
      "2025-03-30T00:59:59.999Z", // summer time starts on 30 March at 01:00 UTC
      "2025-03-30T21:59:59.999Z", // ... so the 30th ends at 22:00 UTC
      "2025-03-30T22:00:00.000Z",
      "2025-10-26T22:59:59.999Z", // winter time again: the 26th ends at 23:00 UTC
      "2025-10-26T23:00:00.000Z",
      "2025-10-25T21:59:59.999Z",
      "2025-10-25T22:00:00.000Z",
      "1850-06-01T12:00:00.000Z", // before the calendar's whole-hour offsets
      "1850-06-01T23:00:00.000Z",
      "2025-01-15T12:00:00.000Z",
    ];
    for (const instant of instants) expect(calendarDateOf(new Date(instant)), instant).toBe(calendarDate(new Date(instant)));
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { today } from "./today.js";

afterEach(() => vi.useRealTimers());

describe("today", () => {
  it("is the date in Stockholm, and turns at Stockholm's midnight, not UTC's", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-10T22:59:59.999Z"));
    expect(today()).toBe("2026-03-10");
    vi.setSystemTime(new Date("2026-03-10T23:00:00.000Z"));
    expect(today()).toBe("2026-03-11");
    // Summer time: Stockholm is two hours ahead.
    vi.setSystemTime(new Date("2026-07-01T21:59:59.999Z"));
    expect(today()).toBe("2026-07-01");
    vi.setSystemTime(new Date("2026-07-01T22:00:00.000Z"));
    expect(today()).toBe("2026-07-02");
  });

  it("follows a clock set back", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-07-02T12:00:00Z"));
    expect(today()).toBe("2026-07-02");
    vi.setSystemTime(new Date("2026-07-01T12:00:00Z"));
    expect(today()).toBe("2026-07-01");
  });
});

import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.js";

describe("RateLimiter", () => {
  const clock = (start = 1_000_000) => {
    let now = start;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it("lets a key reach its limit, then says how long until its window ends", () => {
    const time = clock();
    const limiter = new RateLimiter(3, 60_000, time.now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("a")).toBe(0);
      limiter.count("a");
    }
    time.advance(15_000);
    expect(limiter.retryAfter("a")).toBe(45);
    expect(limiter.retryAfter("b")).toBe(0);
  });

  it("starts a key afresh once its window has ended", () => {
    const time = clock();
    const limiter = new RateLimiter(1, 60_000, time.now);
    limiter.count("a");
    expect(limiter.retryAfter("a")).toBeGreaterThan(0);
    time.advance(60_000);
    expect(limiter.retryAfter("a")).toBe(0);
    limiter.count("a");
    expect(limiter.retryAfter("a")).toBe(60);
  });

  it("forgets keys whose windows have ended", () => {
    const time = clock();
    const limiter = new RateLimiter(5, 1_000, time.now);
    for (const key of ["a", "b", "c"]) limiter.count(key);
    expect(limiter.size).toBe(3);
    time.advance(1_000);
    limiter.count("d");
    expect(limiter.size).toBe(1);
  });
});

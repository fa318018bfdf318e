import { describe, expect, it, vi } from "vitest";
import { VersionedCache } from "./versioned-cache.js";

describe("VersionedCache", () => {
  it("answers a question asked again at the same version without reading it again", () => {
    const cache = new VersionedCache<string>(10);
    const read = vi.fn(() => "answer at 1");
    expect(cache.answer("q", "1", read)).toBe("answer at 1");
    expect(cache.answer("q", "1", read)).toBe("answer at 1");
    expect(read).toHaveBeenCalledTimes(1);
  });

  it("reads again once the version has moved on, and keeps only the newer answer", () => {
    const cache = new VersionedCache<string>(10);
    cache.set("q", "1", "answer at 1");
    expect(cache.answer("q", "2", () => "answer at 2")).toBe("answer at 2");
    expect(cache.get("q", "1")).toBeUndefined();
    expect(cache.get("q", "2")).toBe("answer at 2");
    expect(cache.size).toBe(1);
  });

  it("holds at most maxEntries questions, the least recently used going first", () => {
    const cache = new VersionedCache<string>(2);
    cache.set("a", "1", "A");
    cache.set("b", "1", "B");
    expect(cache.get("a", "1")).toBe("A");
    cache.set("c", "1", "C");
    expect(cache.size).toBe(2);
    expect(cache.get("b", "1")).toBeUndefined();
    expect(cache.get("a", "1")).toBe("A");
    expect(cache.get("c", "1")).toBe("C");
  });

  it("shares one read among concurrent asks, and forgets a read that failed", async () => {
    const cache = new VersionedCache<Promise<string>>(10);
    let fail = true;
    const read = vi.fn(async () => {
      await Promise.resolve();
      if (fail) throw new Error("store unavailable");
      return "answer";
    });
    const first = cache.answer("q", "1", read);
    const second = cache.answer("q", "1", read);
    expect(second).toBe(first);
    await expect(first).rejects.toThrow("store unavailable");
    expect(read).toHaveBeenCalledTimes(1);
    fail = false;
    await expect(cache.answer("q", "1", read)).resolves.toBe("answer");
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("does not forget a newer answer when an older read fails", async () => {
    const cache = new VersionedCache<Promise<string>>(10);
    const failing = cache.answer("q", "1", () => Promise.reject(new Error("gone")));
    const newer = cache.answer("q", "2", () => Promise.resolve("answer at 2"));
    await expect(failing).rejects.toThrow("gone");
    expect(cache.get("q", "2")).toBe(newer);
  });
});

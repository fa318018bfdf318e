import { describe, expect, it } from "vitest";
import { z } from "zod";
import { uuidV7 } from "./uuid-v7.js";

describe("uuidV7", () => {
  it("is a valid version-7 UUID", () => {
    const id = uuidV7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it("sorts by the millisecond it was minted in", () => {
    const earlier = uuidV7(Date.parse("2025-01-01T00:00:00Z"));
    const later = uuidV7(Date.parse("2025-01-01T00:00:00.001Z"));
    expect(earlier < later).toBe(true);
    expect(earlier.slice(0, 13)).toBe("01941f29-7c00");
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidV7()));
    expect(ids.size).toBe(10_000);
  });
});

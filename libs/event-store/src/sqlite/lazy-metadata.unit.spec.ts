import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { EventMetadata } from "../port/recorded-event.js";
import { lazyMetadata } from "./lazy-metadata.js";

const stored = {
  actor: { id: "p-1", roles: ["core-team"] },
  causationId: "c",
  commandId: "c",
  correlationId: "k",
  prevHash: "0",
};
const metadata: EventMetadata = { ...stored, hash: "h" };
const lazy = () => lazyMetadata(JSON.stringify(stored), "h");

describe("lazyMetadata", () => {
  it("reads, spreads, serialises and compares as the parsed metadata with its hash", () => {
    const read = lazy();
    expect(read.actor.id).toBe("p-1");
    expect(read.hash).toBe("h");
    expect("prevHash" in read).toBe(true);
    expect(Object.keys(read)).toEqual(Object.keys(metadata));
    expect({ ...read }).toEqual(metadata);
    expect(JSON.parse(JSON.stringify(read))).toEqual(metadata);
    expect(lazy()).toEqual(metadata);
    expect(metadata).toEqual(lazy());
    expect(inspect(lazy())).toBe(inspect(metadata));
  });

  it("parses once, and only when read", () => {
    const unread = lazyMetadata("{", "h");
    expect(() => unread.actor).toThrow(SyntaxError);
    // Logging an event with it never throws.
    expect(inspect({ metadata: unread })).toContain("[metadata that does not parse]");
    expect(inspect(lazy(), { showProxy: true })).toContain("json");
    const read = lazy();
    expect(read.actor).toBe(read.actor);
  });

  it("is read-only, and goes to another thread only as a copy", () => {
    const read = lazy() as { -readonly [K in keyof EventMetadata]: EventMetadata[K] };
    expect(() => {
      read.hash = "other";
    }).toThrow(TypeError);
    expect(() => Object.freeze(read)).toThrow(TypeError);
    expect(read.hash).toBe("h");
    expect(() => structuredClone(read)).toThrow();
    expect(structuredClone({ ...read })).toEqual(metadata);
  });
});

import type { EventStoreService } from "#event-store";
import { describe, expect, it } from "vitest";
import { StreamStateCache } from "./stream-state-cache.js";

const store = {} as EventStoreService;
const counter = { initialState: 0, evolve: (state: number) => state + 1 };
const otherFold = { initialState: 0, evolve: (state: number) => state + 2 };

describe("StreamStateCache", () => {
  it("drops the stream read longest ago beyond its capacity", () => {
    const cache = new StreamStateCache(store, 2);
    cache.put("a", counter, { state: 1, revision: 0 });
    cache.put("b", counter, { state: 1, revision: 0 });
    cache.get("a", counter);
    cache.put("c", counter, { state: 1, revision: 0 });
    expect(cache.size).toBe(2);
    expect(cache.get("b", counter)).toBeUndefined();
    expect(cache.get("a", counter)).toEqual({ state: 1, revision: 0 });
  });

  it("keeps the later of two states of a stream, whichever is put last", () => {
    const cache = new StreamStateCache(store);
    cache.put("a", counter, { state: 5, revision: 4 });
    cache.put("a", counter, { state: 3, revision: 2 });
    expect(cache.get("a", counter)).toEqual({ state: 5, revision: 4 });
  });

  it("gives a state only to the fold that made it", () => {
    const cache = new StreamStateCache(store);
    cache.put("a", counter, { state: 5, revision: 4 });
    expect(cache.get("a", otherFold)).toBeUndefined();
  });
});

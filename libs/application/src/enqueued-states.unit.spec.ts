import { ConcurrencyConflict, EnqueuedAppend, ExpectedRevision } from "#event-store";
import { Exit } from "effect";
import { describe, expect, it } from "vitest";
import { EnqueuedStates } from "./enqueued-states.js";

const counter = { initialState: 0, evolve: (state: number) => state + 1 };
const otherFold = { initialState: 0, evolve: (state: number) => state + 2 };

const committed = (append: EnqueuedAppend, revision: number) =>
  append.settle(Exit.succeed({ streamId: "a", revision, position: revision + 1, recordedAt: "2026-01-01T00:00:00.000Z" }));
const failed = (append: EnqueuedAppend) =>
  append.settle(Exit.fail(new ConcurrencyConflict({ streamId: "a", expected: ExpectedRevision.at(0), actual: 1 })));

describe("EnqueuedStates", () => {
  it("hands out the state an enqueued append leaves, to the fold that made it only", () => {
    const states = new EnqueuedStates();
    const append = new EnqueuedAppend();
    states.record("a", counter, { state: 3, revision: 2, append }, undefined);
    expect(states.get("a", counter)).toMatchObject({ state: 3, revision: 2, append });
    expect(states.get("a", otherFold)).toBeUndefined();
    expect(states.get("b", counter)).toBeUndefined();
  });

  it("forgets a state once its append has committed, but not a later one built on it", () => {
    const states = new EnqueuedStates();
    const first = new EnqueuedAppend();
    states.record("a", counter, { state: 1, revision: 0, append: first }, undefined);
    const second = new EnqueuedAppend();
    states.record("a", counter, { state: 2, revision: 1, append: second }, states.get("a", counter));
    committed(first, 0);
    expect(states.get("a", counter)).toMatchObject({ state: 2, append: second });
    committed(second, 1);
    expect(states.get("a", counter)).toBeUndefined();
    expect(states.size).toBe(0);
  });

  it("forgets every state built on an append that failed, while their own appends are still queued", () => {
    const states = new EnqueuedStates();
    const first = new EnqueuedAppend();
    states.record("a", counter, { state: 1, revision: 0, append: first }, undefined);
    const second = new EnqueuedAppend();
    states.record("a", counter, { state: 2, revision: 1, append: second }, states.get("a", counter));
    const decidedOn = states.get("a", counter);
    failed(first);
    expect(states.get("a", counter)).toBeUndefined();
    // Decided on the second state before the failure was known: never handed out either.
    states.record("a", counter, { state: 3, revision: 2, append: new EnqueuedAppend() }, decidedOn);
    expect(states.get("a", counter)).toBeUndefined();
    // A state decided on the log starts afresh.
    states.record("a", counter, { state: 1, revision: 0, append: new EnqueuedAppend() }, undefined);
    expect(states.get("a", counter)).toMatchObject({ state: 1, revision: 0 });
  });
});

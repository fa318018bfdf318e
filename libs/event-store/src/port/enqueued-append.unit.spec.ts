import { Effect, Exit, Fiber } from "effect";
import { describe, expect, it } from "vitest";
import { EnqueuedAppend } from "./enqueued-append.js";
import type { AppendResult } from "./event-store.js";

const result: AppendResult = { streamId: "organisation-1", revision: 0, position: 1, recordedAt: "2026-12-03T10:00:00.000Z" };

describe("EnqueuedAppend", () => {
  it("answers every fiber awaiting the outcome, those that came after the commit too", async () => {
    const enqueued = new EnqueuedAppend();
    const early = Effect.runPromise(enqueued.outcome);
    enqueued.settle(Exit.succeed(result));
    expect(await early).toEqual(result);
    expect(await Effect.runPromise(enqueued.outcome)).toEqual(result);
  });

  it("leaves the other waiters their answer when one of them is interrupted before the commit", async () => {
    const enqueued = new EnqueuedAppend();
    const interrupted = Effect.runFork(enqueued.outcome);
    const other = Effect.runPromise(enqueued.outcome);
    const settledFirst: string[] = [];
    enqueued.whenSettled(() => settledFirst.push("bookkeeping"));
    await Effect.runPromise(Fiber.interrupt(interrupted));
    enqueued.settle(Exit.succeed(result));
    expect(await other).toEqual(result);
    expect(settledFirst).toEqual(["bookkeeping"]);
    expect(Exit.isInterrupted(await Effect.runPromise(Fiber.await(interrupted)))).toBe(true);
  });

  it("tells its outcome once: a second settle changes nothing", async () => {
    const enqueued = new EnqueuedAppend();
    enqueued.settle(Exit.succeed(result));
    enqueued.settle(Exit.die(new Error("too late")));
    expect(enqueued.committed).toBe(true);
    expect(await Effect.runPromise(enqueued.outcome)).toEqual(result);
  });
});

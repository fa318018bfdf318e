import { Deferred, Effect, Exit, Fiber } from "effect";
import { describe, expect, it } from "vitest";
import { KeyedQueue } from "./keyed-queue.js";

/** Effects that note how many of them run at once, each yielding a few times while it runs. */
const overlapCounter = () => {
  let running = 0;
  let most = 0;
  const work = Effect.gen(function* () {
    running += 1;
    most = Math.max(most, running);
    for (let i = 0; i < 5; i++) yield* Effect.yieldNow();
    running -= 1;
  });
  return { work, most: () => most };
};

describe("KeyedQueue", () => {
  it("runs the effects of one key one at a time", async () => {
    const queue = new KeyedQueue();
    const { work, most } = overlapCounter();
    await Effect.runPromise(
      Effect.all(
        Array.from({ length: 20 }, () => queue.run("a", work)),
        { concurrency: "unbounded" },
      ),
    );
    expect(most()).toBe(1);
  });

  it("runs the effects of different keys side by side", async () => {
    const queue = new KeyedQueue();
    const { work, most } = overlapCounter();
    await Effect.runPromise(Effect.all([queue.run("a", work), queue.run("b", work)], { concurrency: "unbounded" }));
    expect(most()).toBe(2);
  });

  it("holds a key only while an effect of it runs or waits, however it ends", async () => {
    const queue = new KeyedQueue();
    const release = Effect.runSync(Deferred.make<void>());
    const held = Effect.runFork(queue.run("a", Deferred.await(release)));
    const waiting = Effect.runFork(queue.run("a", Effect.void));
    const failing = Effect.runFork(queue.run("b", Effect.fail("refused")));
    await Effect.runPromise(Effect.yieldNow());
    expect(queue.activeKeys).toBe(1);

    await Effect.runPromise(Fiber.interrupt(waiting));
    expect(queue.activeKeys).toBe(1);
    await Effect.runPromise(Deferred.succeed(release, undefined));
    await Effect.runPromise(Fiber.join(held));
    expect(Exit.isFailure(await Effect.runPromise(Fiber.await(failing)))).toBe(true);
    expect(queue.activeKeys).toBe(0);
  });

  it("lets the next effect of a key run after one fails", async () => {
    const queue = new KeyedQueue();
    const failed = await Effect.runPromiseExit(queue.run("a", Effect.fail("refused")));
    expect(Exit.isFailure(failed)).toBe(true);
    expect(await Effect.runPromise(queue.run("a", Effect.succeed("next")))).toBe("next");
  });
});

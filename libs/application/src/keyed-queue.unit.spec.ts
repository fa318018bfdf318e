import { Deferred, Effect, Exit, Fiber, FiberId } from "effect";
import { describe, expect, it } from "vitest";
import { KeyedQueue } from "./keyed-queue.js";

/** Effects that note how many of them run at once, each yielding a few times while it runs. */
const overlapCounter = () => {
  let running = 0;
  let most = 0;
  // Counted down however it ends: an effect interrupted while it runs has stopped running.
  const work = Effect.suspend(() => {
    running += 1;
    most = Math.max(most, running);
    return Effect.ensuring(
      Effect.repeatN(Effect.yieldNow(), 4),
      Effect.sync(() => {
        running -= 1;
      }),
    );
  });
  return { work, most: () => most };
};

/** An effect holding `key` until `release` is called: the others of the key wait behind it. */
const holdKey = (queue: KeyedQueue, key: string) => {
  const released = Effect.runSync(Deferred.make<void>());
  const holder = Effect.runFork(queue.run(key, Deferred.await(released)));
  return { holder, release: () => Effect.runPromise(Deferred.succeed(released, undefined)) };
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
    const { holder: held, release } = holdKey(queue, "a");
    const waiting = Effect.runFork(queue.run("a", Effect.void));
    const failing = Effect.runFork(queue.run("b", Effect.fail("refused")));
    await Effect.runPromise(Effect.yieldNow());
    expect(queue.activeKeys).toBe(1);

    await Effect.runPromise(Fiber.interrupt(waiting));
    expect(queue.activeKeys).toBe(1);
    await release();
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

describe("KeyedQueue when its fibers are interrupted or paused", () => {
  // Interrupting a waiter just as its turn comes, after the key was given to it but before
  // its fiber ran, must pass the key on: else every later effect of the key waits for ever.
  it.each([0, 1, 2, 3, 5, 8])("keeps the key moving when waiters are interrupted after %i yields", async (delay) => {
    const queue = new KeyedQueue();
    const { work, most } = overlapCounter();
    const fibers = Array.from({ length: 30 }, () => Effect.runFork(queue.run("a", work)));
    const interrupted = fibers.filter((_, i) => i % 3 === 1);
    await Effect.runPromise(
      Effect.gen(function* () {
        for (const fiber of interrupted) {
          for (let i = 0; i < delay; i++) yield* Effect.yieldNow();
          yield* Fiber.interruptFork(fiber);
        }
      }),
    );
    const exits = await Promise.all(fibers.map((fiber) => Effect.runPromise(Fiber.await(fiber))));
    expect(exits.filter((exit, i) => i % 3 !== 1 && Exit.isFailure(exit))).toEqual([]);
    expect(most()).toBe(1);
    expect(await Effect.runPromise(Effect.timeout(queue.run("a", Effect.succeed("after")), "1 second"))).toBe("after");
    expect(queue.activeKeys).toBe(0);
  });

  it("passes the key on when a waiter is interrupted just after its turn came, before its fiber ran", async () => {
    const queue = new KeyedQueue();
    const { holder, release } = holdKey(queue, "a");
    const given = Effect.runFork(queue.run("a", Effect.never));
    const next = Effect.runFork(queue.run("a", Effect.succeed("next")));
    await Effect.runPromise(Effect.yieldNow());
    // The holder's end gives the key to `given` (its fiber is told, and runs later); the
    // interruption is told at once after, before that fiber has run.
    holder.addObserver(() => given.unsafeInterruptAsFork(FiberId.none));
    await release();
    expect(await Effect.runPromise(Effect.timeout(Fiber.join(next), "1 second"))).toBe("next");
    expect(Exit.isInterrupted(await Effect.runPromise(Fiber.await(given)))).toBe(true);
    expect(queue.activeKeys).toBe(0);
  });

  // The scheduler pauses a fiber once it has run its budget of steps, inside an
  // uninterruptible region too. Work of every length up to one budget before the run puts
  // that pause at every step of it once, between finding the holder's lane and waiting among
  // them: the holder ends meanwhile, and the waiter must still be given the key.
  it("keeps a waiter's place when its fiber is paused at any step of joining the line", async () => {
    const budget = 64;
    const hung: number[] = [];
    for (let steps = 0; steps < budget + 8; steps++) {
      const queue = new KeyedQueue();
      // One step each (repeatN takes several a round, and would skip offsets).
      const work = Array.from({ length: steps }).reduce<Effect.Effect<void>>(
        (before) => Effect.flatMap(before, () => Effect.void),
        Effect.void,
      );
      const holder = Effect.runFork(queue.run("a", Effect.yieldNow()));
      const waiter = Effect.runFork(
        Effect.withMaxOpsBeforeYield(Effect.zipRight(work, queue.run("a", Effect.succeed("waited"))), budget),
      );
      const waited = await Effect.runPromise(Effect.either(Effect.timeout(Fiber.join(waiter), "200 millis")));
      await Effect.runPromise(Fiber.join(holder));
      if (waited._tag === "Left") {
        hung.push(steps);
        await Effect.runPromise(Fiber.interrupt(waiter));
      }
    }
    expect(hung).toEqual([]);
  });

  it("serves the effects of a key in the order they came", async () => {
    const queue = new KeyedQueue();
    const order: number[] = [];
    const { holder: first, release } = holdKey(queue, "a");
    const rest = [1, 2, 3, 4].map((n) =>
      Effect.runFork(
        queue.run(
          "a",
          Effect.sync(() => order.push(n)),
        ),
      ),
    );
    await release();
    await Effect.runPromise(Fiber.join(first));
    for (const fiber of rest) await Effect.runPromise(Fiber.join(fiber));
    expect(order).toEqual([1, 2, 3, 4]);
  });
});

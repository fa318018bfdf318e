import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { testEvent } from "../../testing/event-store-contract.js";
import { ConcurrencyConflict } from "../port/errors.js";
import type { EventStoreObserver } from "../port/event-store-observer.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import { SqliteEventStore } from "./sqlite-event-store.js";

/** What the store tells its observer (the server's metrics): each append's latency, each group commit's size. */
describe("SqliteEventStore observer", () => {
  const observed = () => {
    const seen = { answered: [] as number[], batches: [] as number[] };
    const observer: EventStoreObserver = {
      appendAnswered: (seconds) => seen.answered.push(seconds),
      batchCommitted: (appends) => seen.batches.push(appends),
    };
    return { seen, store: SqliteEventStore.open({ path: ":memory:", observer }) };
  };

  it("appends made in one turn are one group commit of that many; each append's answer is timed", async () => {
    const { seen, store } = observed();
    try {
      await Effect.runPromise(
        Effect.all(
          ["a", "b", "c"].map((stream) => store.append(stream, [testEvent("Happened")], ExpectedRevision.noStream)),
          { concurrency: "unbounded" },
        ),
      );
      await Effect.runPromise(store.append("d", [testEvent("Happened")], ExpectedRevision.noStream));
      expect(seen.batches).toEqual([3, 1]);
      expect(seen.answered).toHaveLength(4);
      for (const seconds of seen.answered) expect(seconds).toBeGreaterThanOrEqual(0);
    } finally {
      store.close();
    }
  });

  it("answers the appends of a committed batch even when the observer throws after the commit", async () => {
    const store = SqliteEventStore.open({
      path: ":memory:",
      observer: {
        appendAnswered: () => undefined,
        batchCommitted: () => {
          throw new Error("metrics broke");
        },
      },
    });
    try {
      const enqueued = await Effect.runPromise(store.enqueueAppend("a", [testEvent("Happened")], ExpectedRevision.noStream));
      // close() writes what is queued at once, so the throw surfaces here rather than in a timer.
      expect(() => store.close()).toThrow("metrics broke");
      expect(await Effect.runPromise(enqueued.outcome)).toMatchObject({ streamId: "a", revision: 0 });
    } finally {
      store.close();
    }
  });

  it("an append refused inside its batch is answered, and timed, too", async () => {
    const { seen, store } = observed();
    try {
      await Effect.runPromise(store.append("a", [testEvent("Happened")], ExpectedRevision.noStream));
      const refused = await Effect.runPromise(Effect.flip(store.append("a", [testEvent("Again")], ExpectedRevision.noStream)));
      expect(refused).toBeInstanceOf(ConcurrencyConflict);
      expect(seen.answered).toHaveLength(2);
    } finally {
      store.close();
    }
  });
});

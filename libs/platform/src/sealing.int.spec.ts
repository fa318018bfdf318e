import { EventStoreAdmin, ExpectedRevision, LogSealer, type EventStoreService } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { testEvent } from "#event-store/testing";
import { Context, Effect, Layer } from "effect";
import { describe, expect, it } from "vitest";
import { RawEventStore } from "./raw-event-store.js";
import { LogVerification, sealingLayer } from "./sealing.js";

/** An embedded log that counts the walks made over it: reads of the log from its start. */
function countedLog() {
  const store = SqliteEventStore.open({ path: ":memory:" });
  const counted = { walks: 0 };
  const fromStart = (options?: { readonly fromPosition?: number }) => {
    if ((options?.fromPosition ?? 0) <= 1) counted.walks += 1;
  };
  const raw: EventStoreService = {
    ...store,
    readAll: (options) => {
      fromStart(options);
      return store.readAll(options);
    },
    openLogCursor: (options) => {
      fromStart(options);
      return store.openLogCursor(options);
    },
  };
  const layer = sealingLayer({ sealsPath: ":memory:", keysPath: ":memory:", policy: { everyEvents: 1, everyMs: 0 } }).pipe(
    Layer.provide(Layer.succeedContext(Context.make(RawEventStore, raw).pipe(Context.add(EventStoreAdmin, store)))),
  );
  const append = (count: number) =>
    Effect.runPromise(
      Effect.forEach(Array.from({ length: count }), () => store.append("stream", [testEvent("E")], ExpectedRevision.any)),
    );
  return { store, counted, layer, append };
}

describe("the log's verification (GET /api/v1/audit/verify)", () => {
  it("is single-flight and cached by the log's head and the seals: concurrent callers share one walk", async () => {
    const log = countedLog();
    await log.append(20);
    const verifyThrice = Effect.flatMap(LogVerification, ({ verify }) =>
      Effect.all([verify, verify, verify], { concurrency: 3 }),
    );
    const program = Effect.gen(function* () {
      const [a, b, c] = yield* verifyThrice;
      expect(a).toEqual(b);
      expect(b).toEqual(c);
      expect(log.counted.walks).toBe(1);
      yield* verifyThrice;
      expect(log.counted.walks).toBe(1); // nothing changed: the answer stands
      yield* Effect.flatMap(LogSealer, (sealer) => sealer.seal); // a walk of its own, then a new seal
      const walksBefore = log.counted.walks;
      const [sealed] = yield* verifyThrice;
      expect(sealed).toMatchObject({ ok: true, checkedEvents: 20, seals: { checked: 1 } });
      expect(log.counted.walks).toBe(walksBefore + 1);
      yield* Effect.promise(() => log.append(1));
      const [moved] = yield* verifyThrice;
      expect(moved).toMatchObject({ checkedEvents: 21 });
      expect(log.counted.walks).toBe(walksBefore + 2);
    });
    await Effect.runPromise(Effect.scoped(Effect.provide(program, log.layer)));
    log.store.close();
  });
});

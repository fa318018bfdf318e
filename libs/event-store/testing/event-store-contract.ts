import { Chunk, Effect, Exit, Fiber, Stream } from "effect";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type EventStoreAdminService,
  type EventStoreService,
  type EventToAppend,
  type RecordedEvent,
  ExpectedRevision,
  UpcasterRegistry,
  verifyStore,
  withUpcasting,
} from "../src/index.js";

/** Direct access to an adapter's storage, to prove that verification notices tampering. */
export interface Tampering {
  readonly editData: (position: number, data: unknown) => Promise<void>;
  readonly remove: (position: number) => Promise<void>;
  /** Exchanges the positions of two events, as if the log had been reordered. */
  readonly swapPositions: (a: number, b: number) => Promise<void>;
}

export interface StoreUnderTest {
  readonly store: EventStoreService;
  /** The same adapter's admin side (EventStoreAdmin), over the same log as `store`. */
  readonly admin: EventStoreAdminService;
  /** Closes the store and opens the same log again, as a restarted process would. */
  readonly restart?: () => Promise<EventStoreService>;
  readonly tampering?: Tampering;
  /**
   * The name a stream or idempotency key given to `store` has in what `store` returns, when
   * that differs (a store over part of a shared log keeps the full names: hashes cover them).
   */
  readonly name?: (name: string) => string;
  readonly close: () => Promise<void>;
}

export interface ContractFixture {
  readonly name: string;
  readonly open: (options: { readonly clock?: () => Date }) => Promise<StoreUnderTest>;
  /**
   * Why this fixture's stores come without `tampering`, and which fixture runs the tampering
   * tests instead: printed with the skip. A store without tampering and without a reason fails.
   */
  readonly withoutTampering?: string;
  /**
   * Why this fixture's stores cannot show importRecorded (they share one log, where the
   * "target" already holds what the "source" wrote), and which fixture runs those tests: printed with the skip.
   */
  readonly withoutImport?: string;
}

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(effect);
const runExit = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromiseExit(effect);

const actor = { id: "contract-suite", roles: ["admin"] };
export const testEvent = (type: string, data: unknown = {}, schemaVersion = 1): EventToAppend => ({
  type,
  schemaVersion,
  data,
  metadata: { actor, commandId: "c-1", correlationId: "corr-1", causationId: "c-1" },
});

const failureTag = <A, E>(exit: Exit.Exit<A, E>) =>
  Exit.isFailure(exit) && exit.cause._tag === "Fail" ? (exit.cause.error as { _tag: string }) : undefined;

/**
 * The behaviour every adapter of the event-store port must show. Each adapter's test
 * file calls this with a fixture that opens a fresh, empty store.
 */
export function eventStoreContract(fixture: ContractFixture): void {
  describe(`event store contract: ${fixture.name}`, () => {
    let opened: StoreUnderTest[] = [];
    const open = async (options: { clock?: () => Date } = {}) => {
      const handle = await fixture.open(options);
      opened.push(handle);
      return { ...handle, name: handle.name ?? ((name: string) => name) };
    };
    afterEach(async () => {
      for (const handle of opened) await handle.close();
      opened = [];
    });

    describe("ordering", () => {
      it("gives strictly increasing positions in commit order and 0-based revisions per stream", async () => {
        const { store, name } = await open();
        const first = await run(store.append("order-a", [testEvent("A1"), testEvent("A2")], ExpectedRevision.noStream));
        const second = await run(store.append("order-b", [testEvent("B1")], ExpectedRevision.noStream));
        const third = await run(store.append("order-a", [testEvent("A3")], ExpectedRevision.at(1)));
        expect(first.revision).toBe(1);
        expect(second.position).toBeGreaterThan(first.position);
        expect(third.position).toBeGreaterThan(second.position);
        expect(third.revision).toBe(2);

        const all = await run(store.readAll());
        expect(all.map((e) => e.type)).toEqual(["A1", "A2", "B1", "A3"]);
        const positions = all.map((e) => e.position);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
        expect(all.filter((e) => e.streamId === name("order-a")).map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(await run(store.headPosition)).toBe(third.position);
      });

      it("stamps recordedAt from the store clock and never lets it run backwards", async () => {
        const times = ["2025-03-01T10:00:00.000Z", "2025-02-01T10:00:00.000Z", "2025-04-01T10:00:00.000Z"];
        let tick = 0;
        const { store } = await open({ clock: () => new Date(times[Math.min(tick++, times.length - 1)]!) });
        for (const name of ["t1", "t2", "t3"]) await run(store.append(name, [testEvent("T")], ExpectedRevision.any));
        const recorded = (await run(store.readAll())).map((e) => e.recordedAt);
        expect(recorded[0]).toBe("2025-03-01T10:00:00.000Z");
        expect(recorded[1]).toBe("2025-03-01T10:00:00.000Z");
        expect(recorded[2]).toBe("2025-04-01T10:00:00.000Z");
      });

      it("records at the writer's instant (now) instead of its own clock, still never running backwards", async () => {
        const { store } = await open({ clock: () => new Date("2026-01-01T10:00:00.000Z") });
        const at = (instant: string) => ({ now: new Date(instant) });
        await run(store.append("w1", [testEvent("W")], ExpectedRevision.any, at("2024-09-19T08:00:00.000Z")));
        await run(store.append("w2", [testEvent("W")], ExpectedRevision.any, at("2024-06-13T08:00:00.000Z")));
        await run(store.append("w1", [testEvent("W")], ExpectedRevision.any, at("2024-11-14T08:00:00.000Z")));
        await run(store.append("w3", [testEvent("W")], ExpectedRevision.any));
        expect((await run(store.readAll())).map((e) => e.recordedAt)).toEqual([
          "2024-09-19T08:00:00.000Z",
          "2024-09-19T08:00:00.000Z",
          "2024-11-14T08:00:00.000Z",
          "2026-01-01T10:00:00.000Z",
        ]);
      });

      it("keeps the full envelope: ids, metadata and a hash chain through prevHash", async () => {
        const { store } = await open();
        const event = testEvent("Enveloped", { n: 1, nested: { b: 2, a: 1 } });
        await run(store.append("env-1", [event, testEvent("Next")], ExpectedRevision.noStream));
        const [a, b] = await run(store.readStream("env-1"));
        expect(a!.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(b!.eventId).not.toBe(a!.eventId);
        expect(a!.data).toEqual({ n: 1, nested: { b: 2, a: 1 } });
        expect(a!.metadata).toMatchObject({ actor, commandId: "c-1", correlationId: "corr-1", causationId: "c-1" });
        expect(a!.metadata.prevHash).toBe("0".repeat(64));
        expect(a!.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(b!.metadata.prevHash).toBe(a!.metadata.hash);
      });
    });

    describe("expected revision", () => {
      it("no-stream: succeeds on a new stream, conflicts on an existing one", async () => {
        const { store, name } = await open();
        await run(store.append("x-1", [testEvent("E")], ExpectedRevision.noStream));
        const exit = await runExit(store.append("x-1", [testEvent("E")], ExpectedRevision.noStream));
        expect(failureTag(exit)).toMatchObject({ _tag: "ConcurrencyConflict", streamId: name("x-1"), actual: 0 });
      });

      it("exists: conflicts on a missing stream, succeeds on an existing one", async () => {
        const { store } = await open();
        const exit = await runExit(store.append("x-2", [testEvent("E")], ExpectedRevision.exists));
        expect(failureTag(exit)).toMatchObject({ _tag: "ConcurrencyConflict", actual: "no-stream" });
        await run(store.append("x-2", [testEvent("E")], ExpectedRevision.any));
        const ok = await run(store.append("x-2", [testEvent("E")], ExpectedRevision.exists));
        expect(ok.revision).toBe(1);
      });

      it("any: always appends", async () => {
        const { store } = await open();
        await run(store.append("x-3", [testEvent("E")], ExpectedRevision.any));
        const ok = await run(store.append("x-3", [testEvent("E")], ExpectedRevision.any));
        expect(ok.revision).toBe(1);
      });

      it("revision: appends only at the revision the writer read", async () => {
        const { store } = await open();
        await run(store.append("x-4", [testEvent("E"), testEvent("E")], ExpectedRevision.noStream));
        const stale = await runExit(store.append("x-4", [testEvent("E")], ExpectedRevision.at(0)));
        expect(failureTag(stale)).toMatchObject({ _tag: "ConcurrencyConflict", expected: ExpectedRevision.at(0), actual: 1 });
        const missing = await runExit(store.append("x-5", [testEvent("E")], ExpectedRevision.at(0)));
        expect(failureTag(missing)).toMatchObject({ _tag: "ConcurrencyConflict", actual: "no-stream" });
        const ok = await run(store.append("x-4", [testEvent("E")], ExpectedRevision.at(1)));
        expect(ok.revision).toBe(2);
        expect(await run(store.readStream("x-4"))).toHaveLength(3);
      });

      it("appends nothing at all when the expectation fails", async () => {
        const { store } = await open();
        await run(store.append("x-6", [testEvent("E")], ExpectedRevision.noStream));
        const head = await run(store.headPosition);
        await runExit(store.append("x-6", [testEvent("E"), testEvent("E")], ExpectedRevision.at(5)));
        expect(await run(store.headPosition)).toBe(head);
      });
    });

    describe("concurrency", () => {
      it("lets exactly one of many concurrent appends win each revision", async () => {
        const { store } = await open();
        await run(store.append("hot", [testEvent("Start")], ExpectedRevision.noStream));
        const writers = 40;
        for (const revision of [0, 1, 2]) {
          const exits = await Promise.all(
            Array.from({ length: writers }, (_, i) =>
              runExit(store.append("hot", [testEvent("Write", { i })], ExpectedRevision.at(revision))),
            ),
          );
          const wins = exits.filter(Exit.isSuccess);
          expect(wins).toHaveLength(1);
          expect(exits.filter((e) => failureTag(e)?._tag === "ConcurrencyConflict")).toHaveLength(writers - 1);
        }
        const events = await run(store.readStream("hot"));
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      });

      it("keeps every concurrent append to distinct streams", async () => {
        const { store } = await open();
        const results = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            run(store.append(`many-${i}`, [testEvent("E", { i })], ExpectedRevision.noStream)),
          ),
        );
        const positions = results.map((r) => r.position).sort((a, b) => a - b);
        expect(new Set(positions).size).toBe(100);
        expect((await run(store.readAll())).length).toBe(100);
      });
    });

    describe("an append that follows another (AppendOptions.follows)", () => {
      it("is written after the one it follows, both enqueued before either has committed", async () => {
        const { store } = await open();
        const program = Effect.gen(function* () {
          const first = yield* store.enqueueAppend("follow-1", [testEvent("A"), testEvent("A")], ExpectedRevision.noStream);
          const second = yield* store.enqueueAppend("follow-1", [testEvent("B")], ExpectedRevision.at(1), { follows: first });
          return yield* Effect.all([first.outcome, second.outcome]);
        });
        const [first, second] = await run(program);
        expect([first.revision, second.revision]).toEqual([1, 2]);
        expect(second.position).toBeGreaterThan(first.position);
        expect((await run(store.readStream("follow-1"))).map((e) => e.type)).toEqual(["A", "A", "B"]);
      });

      it("is refused when the one it follows failed, even at the revision another writer brought the stream to", async () => {
        const { store } = await open();
        await run(store.append("follow-2", [testEvent("Start")], ExpectedRevision.noStream));
        const program = Effect.gen(function* () {
          // Another writer takes revisions 1 and 2; the leader, decided at 0, loses its race;
          // the follower was decided on the leader's events, at revision 2, which now holds.
          const other = yield* store.enqueueAppend("follow-2", [testEvent("O"), testEvent("O")], ExpectedRevision.at(0));
          const leader = yield* store.enqueueAppend("follow-2", [testEvent("L"), testEvent("L")], ExpectedRevision.at(0));
          const follower = store.append("follow-2", [testEvent("F")], ExpectedRevision.at(2), { follows: leader });
          return yield* Effect.all([other.outcome, Effect.exit(leader.outcome), Effect.exit(follower)]);
        });
        const [, leader, follower] = await run(program);
        expect(failureTag(leader)?._tag).toBe("ConcurrencyConflict");
        expect(failureTag(follower)?._tag).toBe("ConcurrencyConflict");
        expect((await run(store.readStream("follow-2"))).map((e) => e.type)).toEqual(["Start", "O", "O"]);
      });

      it("is refused when the one it follows found its idempotency key taken, even where any revision would do", async () => {
        const { store } = await open();
        const claim = { key: "actor:follow-key", fingerprint: "f", response: {} };
        await run(store.append("follow-3", [testEvent("Start")], ExpectedRevision.noStream, { idempotency: claim }));
        const program = Effect.gen(function* () {
          const leader = yield* store.enqueueAppend("follow-3", [testEvent("L")], ExpectedRevision.any, { idempotency: claim });
          const follower = yield* store.enqueueAppend("follow-3", [testEvent("F")], ExpectedRevision.any, { follows: leader });
          return yield* Effect.all([Effect.exit(leader.outcome), Effect.exit(follower.outcome)]);
        });
        const [leader, follower] = await run(program);
        expect(failureTag(leader)?._tag).toBe("IdempotencyKeyTaken");
        expect(failureTag(follower)?._tag).toBe("ConcurrencyConflict");
        expect((await run(store.readStream("follow-3"))).map((e) => e.type)).toEqual(["Start"]);
      });
    });

    describe("subscriptions", () => {
      const take = (store: EventStoreService, fromPosition: number, n: number) =>
        run(Stream.runCollect(Stream.take(store.subscribe({ fromPosition, batchSize: 7 }), n))).then(Chunk.toReadonlyArray);

      it("catches up, then follows live appends in order without gaps or duplicates", async () => {
        const { store } = await open();
        for (let i = 0; i < 30; i++) await run(store.append(`live-${i % 3}`, [testEvent("Old", { i })], ExpectedRevision.any));
        const received: RecordedEvent[] = [];
        const fiber = Effect.runFork(
          Stream.runForEach(Stream.take(store.subscribe({ fromPosition: 0, batchSize: 7 }), 50), (event) =>
            Effect.sync(() => received.push(event)),
          ),
        );
        // Every old event delivered first, so that the new ones can only arrive live.
        await vi.waitFor(() => expect(received).toHaveLength(30));
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            run(store.append(`live-${i % 4}`, [testEvent("New", { i })], ExpectedRevision.any)),
          ),
        );
        await run(Fiber.join(fiber));
        const all = await run(store.readAll());
        expect(received.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
        expect(received.filter((e) => e.type === "New")).toHaveLength(20);
      });

      it("resumes from a position", async () => {
        const { store } = await open();
        for (let i = 0; i < 10; i++) await run(store.append("resume", [testEvent("E", { i })], ExpectedRevision.any));
        const all = await run(store.readAll());
        const from = all[4]!.position;
        const rest = await take(store, from, 6);
        expect(rest.map((e) => (e.data as { i: number }).i)).toEqual([4, 5, 6, 7, 8, 9]);
      });

      it("continues from its checkpoint across a restart", async (context) => {
        const handle = await open();
        if (!handle.restart) {
          console.info(`[${fixture.name}] restart not applicable: this store does not outlive its process`);
          context.skip();
          return;
        }
        for (let i = 0; i < 12; i++) await run(handle.store.append("restart", [testEvent("E", { i })], ExpectedRevision.any));
        const firstPart = await take(handle.store, 0, 5);
        const checkpoint = firstPart.at(-1)!.position;
        const store = await handle.restart();
        for (let i = 12; i < 15; i++) await run(store.append("restart", [testEvent("E", { i })], ExpectedRevision.any));
        const secondPart = await take(store, checkpoint + 1, 10);
        const seen = [...firstPart, ...secondPart].map((e) => (e.data as { i: number }).i);
        expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => i));
      });
    });

    describe("readStream", () => {
      it("reads forwards and backwards, from a revision, up to a count", async () => {
        const { store } = await open();
        await run(
          store.append(
            "bounds",
            Array.from({ length: 10 }, (_, i) => testEvent("E", { i })),
            ExpectedRevision.noStream,
          ),
        );
        const revisions = async (options: Parameters<EventStoreService["readStream"]>[1]) =>
          (await run(store.readStream("bounds", options))).map((e) => e.revision);
        expect(await revisions({})).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(await revisions({ fromRevision: 7 })).toEqual([7, 8, 9]);
        expect(await revisions({ fromRevision: 2, maxCount: 3 })).toEqual([2, 3, 4]);
        expect(await revisions({ direction: "backwards", maxCount: 2 })).toEqual([9, 8]);
        expect(await revisions({ direction: "backwards", fromRevision: 3 })).toEqual([3, 2, 1, 0]);
        expect(await revisions({ fromRevision: 10 })).toEqual([]);
      });

      it("reads the stream as it was known at an instant (recordedUpTo)", async () => {
        let now = new Date("2025-01-01T00:00:00.000Z");
        const { store, name } = await open({ clock: () => now });
        await run(store.append("known", [testEvent("First")], ExpectedRevision.noStream));
        now = new Date("2025-02-01T00:00:00.000Z");
        await run(store.append("known", [testEvent("Second")], ExpectedRevision.at(0)));
        const asOfJanuary = await run(store.readStream("known", { recordedUpTo: "2025-01-15T00:00:00.000Z" }));
        expect(asOfJanuary.map((e) => e.type)).toEqual(["First"]);
        const exact = await run(store.readStream("known", { recordedUpTo: "2025-02-01T00:00:00.000Z" }));
        expect(exact.map((e) => e.type)).toEqual(["First", "Second"]);
        const before = await runExit(store.readStream("known", { recordedUpTo: "2024-12-31T23:59:59.999Z" }));
        expect(failureTag(before)).toMatchObject({ _tag: "StreamNotFound", streamId: name("known") });
      });

      it("fails with StreamNotFound for a stream that has no events", async () => {
        const { store, name } = await open();
        const exit = await runExit(store.readStream("nobody-wrote-here"));
        expect(failureTag(exit)).toMatchObject({ _tag: "StreamNotFound", streamId: name("nobody-wrote-here") });
      });

      it("reads the whole log in pages", async () => {
        const { store } = await open();
        for (let i = 0; i < 9; i++) await run(store.append(`page-${i}`, [testEvent("E", { i })], ExpectedRevision.noStream));
        const first = await run(store.readAll({ maxCount: 4 }));
        const second = await run(store.readAll({ fromPosition: first.at(-1)!.position + 1, maxCount: 4 }));
        const third = await run(store.readAll({ fromPosition: second.at(-1)!.position + 1, maxCount: 4 }));
        expect([...first, ...second, ...third].map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
      });

      it.each([false, true])(
        "walks the log with a cursor (read ahead: %s) from a position, a batch at a time, then answers empty from the head on",
        async (readAhead) => {
          const { store } = await open();
          for (let i = 0; i < 9; i++) await run(store.append(`walk-${i}`, [testEvent("E", { i })], ExpectedRevision.noStream));
          const all = await run(store.readAll());
          const walked = await run(
            Effect.scoped(
              Effect.gen(function* () {
                const cursor = yield* store.openLogCursor({ fromPosition: all[2]!.position, batchSize: 4, readAhead });
                const batches = [yield* cursor.next, yield* cursor.next, yield* cursor.next];
                // The head is where the log ended when the cursor got there.
                yield* store.append("walk-late", [testEvent("E", { i: 9 })], ExpectedRevision.noStream);
                return [...batches, yield* cursor.next];
              }),
            ),
          );
          expect(walked.map((batch) => batch.length)).toEqual([4, 3, 0, 0]);
          expect(walked.flat()).toEqual(all.slice(2));
        },
      );
    });

    describe("integrity", () => {
      const seed = async (store: EventStoreService) => {
        await run(
          store.append(
            "chain-a",
            [testEvent("A", { n: 0 }), testEvent("A", { n: 1 }), testEvent("A", { n: 2 })],
            ExpectedRevision.noStream,
          ),
        );
        await run(store.append("chain-b", [testEvent("B", { n: 0 })], ExpectedRevision.noStream));
        await run(store.append("chain-a", [testEvent("A", { n: 3 })], ExpectedRevision.at(2)));
        return run(store.readAll());
      };

      it("verifies an untouched log", async () => {
        const { store, admin } = await open();
        await seed(store);
        expect(await run(verifyStore(store, { densePositions: admin.densePositions }))).toEqual({ ok: true, checkedEvents: 5 });
      });

      it("numbers its events 1, 2, 3, ... when it says its positions are dense", async (context) => {
        const { store, admin } = await open();
        if (!admin.densePositions) {
          console.info(`[${fixture.name}] positions are not dense: only their order is checked`);
          context.skip();
          return;
        }
        await seed(store);
        expect((await run(store.readAll())).map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
      });

      it("catches an edited event", async (context) => {
        const { store, admin, tampering } = await open();
        if (!tampering) return skipTampering(fixture, context);
        const events = await seed(store);
        await tampering.editData(events[1]!.position, { n: 100 });
        const report = await run(verifyStore(store, { densePositions: admin.densePositions }));
        expect(report).toMatchObject({
          ok: false,
          checkedEvents: 1,
          brokenAt: { eventId: events[1]!.eventId, reason: "hash-mismatch" },
        });
      });

      it("catches a removed event", async (context) => {
        const { store, admin, tampering } = await open();
        if (!tampering) return skipTampering(fixture, context);
        const events = await seed(store);
        await tampering.remove(events[1]!.position);
        const report = await run(verifyStore(store, { densePositions: admin.densePositions }));
        expect(report.ok).toBe(false);
        expect(report.brokenAt?.eventId).toBe(events[2]!.eventId);
      });

      it("catches reordered events", async (context) => {
        const { store, admin, tampering, name } = await open();
        if (!tampering) return skipTampering(fixture, context);
        const events = await seed(store);
        await tampering.swapPositions(events[0]!.position, events[1]!.position);
        const report = await run(verifyStore(store, { densePositions: admin.densePositions }));
        expect(report.ok).toBe(false);
        expect(report.brokenAt?.streamId).toBe(name("chain-a"));
      });

      it("copies a log verbatim into an empty store (importRecorded), hashes and all", async (context) => {
        if (fixture.withoutImport !== undefined) return skipImport(fixture, context);
        const source = await open();
        const target = await open();
        const events = await seed(source.store);
        expect(await run(target.admin.importRecorded(events.slice(0, 2)))).toEqual({ imported: 2 });
        expect(await run(target.admin.importRecorded(events.slice(2)))).toEqual({ imported: 3 });
        const copied = await run(target.store.readAll());
        expect(copied.map(({ position: _p, ...rest }) => rest)).toEqual(events.map(({ position: _p, ...rest }) => rest));
        expect(await run(verifyStore(target.store, { densePositions: target.admin.densePositions }))).toEqual({
          ok: true,
          checkedEvents: 5,
        });
      });

      it("refuses an import that does not continue the stored chain", async (context) => {
        if (fixture.withoutImport !== undefined) return skipImport(fixture, context);
        const source = await open();
        const target = await open();
        const events = await seed(source.store);
        const exit = await runExit(target.admin.importRecorded(events.slice(1)));
        expect(failureTag(exit)?._tag).toBe("ImportRejected");
        expect(await run(target.store.headPosition)).toBe(0);
      });
    });

    describe("upcasting", () => {
      it("reads old events in today's shape and still verifies what was stored", async () => {
        const { store, admin } = await open();
        await run(store.append("legacy", [testEvent("GoalSet", { text: "old shape" }, 1)], ExpectedRevision.noStream));
        const registry = new UpcasterRegistry([
          { type: "GoalSet", fromVersion: 1, upcast: (data) => ({ statement: (data as { text: string }).text }) },
          { type: "GoalSet", fromVersion: 2, upcast: (data) => ({ ...(data as object), indicator: null }) },
        ]);
        const upcasting = withUpcasting(store, registry);
        const [fromStream] = await run(upcasting.readStream("legacy"));
        const [fromLog] = await run(upcasting.readAll());
        const [fromCursor] = await run(
          Effect.scoped(Effect.flatMap(upcasting.openLogCursor({ batchSize: 10, readAhead: true }), (cursor) => cursor.next)),
        );
        for (const event of [fromStream, fromLog, fromCursor]) {
          expect(event).toMatchObject({ schemaVersion: 3, data: { statement: "old shape", indicator: null } });
        }
        const [stored] = await run(store.readAll());
        expect(stored).toMatchObject({ schemaVersion: 1, data: { text: "old shape" } });
        const { densePositions } = admin;
        expect((await run(verifyStore(store, { densePositions }))).ok).toBe(true);
        // The hashes cover the stored shape: checked against the upcast view they would not hold.
        expect((await run(verifyStore(upcasting, { densePositions }))).brokenAt?.reason).toBe("hash-mismatch");
      });
    });

    describe("idempotency records", () => {
      it("stores the record with the append and refuses the same key again, appending nothing", async () => {
        const { store, name } = await open();
        const claim = { key: "actor:key-1", fingerprint: "f-1", response: { id: "idem-1", created: true } };
        const first = await run(store.append("idem-1", [testEvent("E")], ExpectedRevision.noStream, { idempotency: claim }));
        const record = await run(store.findIdempotencyRecord("actor:key-1"));
        expect(record).toMatchObject({
          ...claim,
          key: name("actor:key-1"),
          streamId: name("idem-1"),
          revision: first.revision,
          position: first.position,
        });
        const again = await runExit(store.append("idem-2", [testEvent("E")], ExpectedRevision.noStream, { idempotency: claim }));
        expect(failureTag(again)).toMatchObject({ _tag: "IdempotencyKeyTaken", key: name("actor:key-1") });
        expect(await run(store.headPosition)).toBe(first.position);
      });

      it("writes no record when the append fails", async () => {
        const { store } = await open();
        await run(store.append("idem-3", [testEvent("E")], ExpectedRevision.noStream));
        const claim = { key: "actor:key-2", fingerprint: "f", response: {} };
        await runExit(store.append("idem-3", [testEvent("E")], ExpectedRevision.noStream, { idempotency: claim }));
        expect(await run(store.findIdempotencyRecord("actor:key-2"))).toBeUndefined();
      });

      it("lets only one of two concurrent appends with the same key through", async () => {
        const { store } = await open();
        const claim = { key: "actor:key-3", fingerprint: "f", response: {} };
        const exits = await Promise.all(
          ["idem-4", "idem-5"].map((stream) =>
            runExit(store.append(stream, [testEvent("E")], ExpectedRevision.noStream, { idempotency: claim })),
          ),
        );
        expect(exits.filter(Exit.isSuccess)).toHaveLength(1);
        expect((await run(store.readAll())).length).toBe(1);
      });
    });
  });
}

function skipImport(fixture: ContractFixture, context: { skip: () => void }): void {
  console.info(`[${fixture.name}] import not applicable: ${fixture.withoutImport}`);
  context.skip();
}

function skipTampering(fixture: ContractFixture, context: { skip: () => void }): void {
  if (fixture.withoutTampering === undefined) {
    throw new Error(`[${fixture.name}] gives no tampering and says not why (ContractFixture.withoutTampering)`);
  }
  console.info(`[${fixture.name}] tampering not applicable: ${fixture.withoutTampering}`);
  context.skip();
}

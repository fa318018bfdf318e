import { randomUUID } from "node:crypto";
import { AccessDeniedError, EventStoreDBClient } from "@eventstore/db-client";
import { Cause, Chunk, Duration, Effect, Exit, Fiber, Schedule, Stream } from "effect";
import { describe, expect, it, vi } from "vitest";
import { type ContractFixture, eventStoreContract, testEvent } from "../../testing/event-store-contract.js";
import { FakeEventStoreDbClient } from "../../testing/fake-eventstoredb-client.js";
import { namespaced } from "../../testing/namespaced-store.js";
import { verifyStore } from "../integrity/verify-store.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import { logBatches } from "../port/log-batches.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import { fromEsdbEvent } from "./esdb-envelope.js";
import { APPEND_DEADLINE_MS, EventStoreDbEventStore } from "./eventstoredb-event-store.js";
import { CLAIMED_APPEND_WINDOW_MS, claimEvent, claimStream } from "./idempotency-claims.js";

const quickRetry = Schedule.spaced(Duration.millis(1)).pipe(Schedule.intersect(Schedule.recurs(5)));

const standIn: ContractFixture = {
  name: "EventStoreDB (in-memory stand-in for the server)",
  open: async ({ clock }) => {
    const client = new FakeEventStoreDbClient();
    client.writeSystemEvent();
    const open = () => new EventStoreDbEventStore(client, { retry: quickRetry, pageSize: 7, ...(clock ? { clock } : {}) });
    let store = open();
    const ours = (position: number) => {
      const index = client.storedEvents.findIndex((e) => fromEsdbEvent(e)?.position === position);
      if (index < 0) throw new Error(`no event at ${position}`);
      return index;
    };
    const log = client.storedEvents as unknown as Array<Record<string, unknown>>;
    return {
      get store() {
        return store;
      },
      get admin() {
        return store;
      },
      restart: async () => {
        store = open();
        return store;
      },
      tampering: {
        editData: async (position, data) => {
          log[ours(position)] = { ...log[ours(position)], data };
        },
        remove: async (position) => {
          log.splice(ours(position), 1);
        },
        swapPositions: async (a, b) => {
          const [i, j] = [ours(a), ours(b)];
          const [first, second] = [log[i]!, log[j]!];
          log[i] = {
            ...second,
            position: first.position,
            metadata: {
              ...(second.metadata as object),
              indexInAppend: (first.metadata as { indexInAppend: number }).indexInAppend,
            },
          };
          log[j] = {
            ...first,
            position: second.position,
            metadata: {
              ...(first.metadata as object),
              indexInAppend: (second.metadata as { indexInAppend: number }).indexInAppend,
            },
          };
        },
      },
      close: async () => {
        await client.dispose();
      },
    };
  },
};

eventStoreContract(standIn);

/** A namespace of its own for each store on a log that others share and that outlives the run. */
const freshNamespace = () => `contract${randomUUID().replaceAll("-", "")}`;
const sharedLogSkips = {
  withoutTampering: `a server's log cannot be edited from outside; the tampering tests run on "${standIn.name}"`,
  withoutImport: `every store shares one log, where the import's target already holds what its source wrote; the import tests run on "${standIn.name}"`,
};

// The harness the real server runs under, on the stand-in: one log shared by every store,
// each store in its own namespace, as on a server that keeps what earlier runs wrote.
const sharedStandIn = new FakeEventStoreDbClient();
eventStoreContract({
  name: "EventStoreDB stand-in shared by namespaced stores",
  ...sharedLogSkips,
  open: async ({ clock }) => {
    const { store, name } = namespaced(
      new EventStoreDbEventStore(sharedStandIn, { retry: quickRetry, pageSize: 7, ...(clock ? { clock } : {}) }),
      freshNamespace(),
    );
    return { store, admin: store, name, close: async () => {} };
  },
});

describe("the harness for a shared server", () => {
  it("lets a second run use the idempotency keys of the first, on the same log", async () => {
    const client = new FakeEventStoreDbClient();
    const claim = { key: "actor:key-1", fingerprint: "f", response: {} };
    for (const run of [1, 2]) {
      const { store } = namespaced(new EventStoreDbEventStore(client, { retry: quickRetry }), freshNamespace());
      const exit = await Effect.runPromiseExit(
        store.append("idem-1", [testEvent("E")], ExpectedRevision.noStream, { idempotency: claim }),
      );
      expect([run, exit._tag]).toEqual([run, "Success"]);
    }
  });
});

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
if (!connectionString) {
  console.info(
    "EventStoreDB contract suite against a server: skipped, EVENTSTORE_CONNECTION_STRING is not set (no server here); the same suite ran against the in-memory stand-in",
  );
}

describe.runIf(connectionString)("against the EventStoreDB server at EVENTSTORE_CONNECTION_STRING", () => {
  // A shared server keeps what earlier runs wrote: each store sees only its own streams.
  eventStoreContract({
    name: "EventStoreDB server",
    ...sharedLogSkips,
    open: async ({ clock }) => {
      const client = EventStoreDBClient.connectionString(connectionString!);
      const { store, name } = namespaced(new EventStoreDbEventStore(client, clock ? { clock } : {}), freshNamespace());
      return { store, admin: store, name, close: () => client.dispose() };
    },
  });
});

describe("EventStoreDB adapter on a server that misbehaves", () => {
  const run = Effect.runPromise;
  const isDefect = (exit: Exit.Exit<unknown, unknown>) => Exit.isFailure(exit) && Cause.isDie(exit.cause);
  const failure = (exit: Exit.Exit<unknown, unknown>) =>
    Exit.isFailure(exit) && exit.cause._tag === "Fail" ? (exit.cause.error as { _tag: string }) : undefined;
  const events = (count: number, text = "") => Array.from({ length: count }, (_, i) => testEvent("E", { i, text }));

  it("retries an append through an unreachable node and a lost answer, storing its events once", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry });
    await run(store.append("s-1", [testEvent("E")], ExpectedRevision.noStream));
    client.failNextCalls(2);
    client.loseNextAcknowledgement();
    const result = await run(store.append("s-1", [testEvent("E", { n: 1 }), testEvent("E", { n: 2 })], ExpectedRevision.at(0)));
    expect(result.revision).toBe(2);
    const stored = client.storedEvents.filter((e) => e.streamId === "s-1");
    expect(stored).toHaveLength(3);
    expect(new Set(stored.map((e) => e.id)).size).toBe(3);
    expect(result.position).toBe(fromEsdbEvent(stored[2]!)!.position);
  });

  it("refuses an append of 1,000 events, after which $all could not be read on, writing none of them", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry });
    const exit = await Effect.runPromiseExit(store.append("s-big", events(1_000), ExpectedRevision.any));
    expect(Exit.isFailure(exit) && Cause.isDie(exit.cause) && Cause.pretty(exit.cause)).toContain("at most 999 events");
    expect(client.storedEvents).toHaveLength(0);
  });

  it("reads, walks and subscribes on from the last event of the largest append", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry, pageSize: 100 });
    const big = await run(store.append("s-big", events(999), ExpectedRevision.noStream));
    await run(store.append("s-after", [testEvent("After")], ExpectedRevision.noStream));
    expect((await run(store.readAll({ fromPosition: big.position + 1 }))).map((e) => e.type)).toEqual(["After"]);
    const batches = await run(Stream.runCollect(logBatches(store, { batchSize: 999 })));
    expect(Chunk.toReadonlyArray(batches).map((batch) => batch.length)).toEqual([999, 1]);
    const live = await run(Stream.runCollect(Stream.take(store.subscribe({ fromPosition: big.position + 1 }), 1)));
    expect(Chunk.toReadonlyArray(live).map((e) => e.type)).toEqual(["After"]);
  });

  it("answers an append larger than the server's MaxAppendSize with StoreUnavailable, asking once", async () => {
    const client = new FakeEventStoreDbClient(4_000);
    const store = new EventStoreDbEventStore(client, { retry: quickRetry });
    const claim = { key: "p:large", fingerprint: "f", response: {} };
    const large = events(3, "x".repeat(2_000));
    const exit = await Effect.runPromiseExit(store.append("s-large", large, ExpectedRevision.noStream, { idempotency: claim }));
    expect(failure(exit)).toMatchObject({
      _tag: "StoreUnavailable",
      reason: expect.stringContaining("MaxAppendSize, 4000 bytes"),
    });
    expect(client.appendsSent.filter((sent) => sent.streamName === "s-large")).toHaveLength(1);
    // Certainly not written, so its key is free at once rather than "in progress" for a minute.
    expect(await run(store.findIdempotencyRecord("p:large"))).toBeUndefined();
  });

  it("imports a run larger than MaxAppendSize in appends that fit, and refuses an event that fits none", async () => {
    const source = new EventStoreDbEventStore(new FakeEventStoreDbClient(), { retry: quickRetry });
    await run(source.append("s-run", events(6, "x".repeat(900)), ExpectedRevision.noStream));
    const client = new FakeEventStoreDbClient(4_000);
    const target = new EventStoreDbEventStore(client, { retry: quickRetry, maxAppendBytes: 4_000 });
    const log = await run(source.readAll());
    expect(await run(target.importRecorded(log))).toEqual({ imported: 6 });
    expect(client.appendsSent.length).toBeGreaterThan(1);
    expect((await run(verifyStore(target, { densePositions: false }))).ok).toBe(true);

    await run(source.append("s-huge", events(1, "x".repeat(5_000)), ExpectedRevision.noStream));
    const huge = (await run(source.readAll())).filter((e) => e.streamId === "s-huge");
    const exit = await Effect.runPromiseExit(target.importRecorded(huge));
    expect(failure(exit)).toMatchObject({ _tag: "ImportRejected", reason: expect.stringContaining("MaxAppendSize") });
  });

  it("rides out a busy server and a failed cluster discovery, storing the append once", async () => {
    for (const kind of ["busy", "discovery"] as const) {
      const client = new FakeEventStoreDbClient();
      const store = new EventStoreDbEventStore(client, { retry: quickRetry });
      client.failNextCalls(3, kind);
      const result = await run(store.append(`s-${kind}`, [testEvent("E")], ExpectedRevision.noStream));
      expect(result.revision).toBe(0);
      client.failNextCalls(2, kind);
      expect(await run(store.readAll())).toHaveLength(1);
    }
  });

  it("leaves no read open on the server, however a read ends", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry, pageSize: 4 });
    let now = new Date("2025-01-01T00:00:00.000Z");
    const clocked = new EventStoreDbEventStore(client, { retry: quickRetry, pageSize: 4, clock: () => now });
    for (let i = 0; i < 6; i++) {
      now = new Date(`2025-01-0${i + 1}T00:00:00.000Z`);
      await run(clocked.append("s-open", [testEvent("E", { i })], ExpectedRevision.any));
    }
    // Idempotency claims and system events after the last event of ours: headPosition reads past them.
    await run(store.append("s-open", [], ExpectedRevision.any, { idempotency: { key: "k", fingerprint: "f", response: {} } }));
    for (let i = 0; i < 5; i++) client.writeSystemEvent();
    for (let i = 0; i < 200; i++) await run(store.headPosition);
    await run(store.readAll({ maxCount: 2 }));
    await run(store.readStream("s-open", { recordedUpTo: "2025-01-02T00:00:00.000Z" }));
    await run(store.readStream("s-open", { maxCount: 1 }));
    await run(store.findIdempotencyRecord("k"));
    expect(client.openReads).toBe(0);
  });

  it("subscribes again when the server ends a subscription cleanly, from the last event delivered", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry });
    await run(store.append("s-end", [testEvent("E", { i: 0 })], ExpectedRevision.noStream));
    const received: RecordedEvent[] = [];
    const fiber = Effect.runFork(
      Stream.runForEach(Stream.take(store.subscribe({ fromPosition: 0 }), 3), (event) => Effect.sync(() => received.push(event))),
    );
    await vi.waitFor(() => expect([received.length, client.openSubscriptions]).toEqual([1, 1]));
    client.endSubscriptions();
    await vi.waitFor(() => expect([client.subscriptionsOpened, client.openSubscriptions]).toEqual([2, 1]));
    for (let i = 1; i < 3; i++) await run(store.append("s-end", [testEvent("E", { i })], ExpectedRevision.at(i - 1)));
    await run(Fiber.join(fiber));
    expect(received.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2]);
  });

  it("sends every append with a deadline, and none of a claimed append past its claim's window", async () => {
    const client = new FakeEventStoreDbClient();
    // Every call to the server takes 4 s, by this clock.
    const clock = () => new Date(Date.parse("2025-01-01T10:00:00Z") + client.callsMade * 4_000);
    const store = new EventStoreDbEventStore(client, { retry: quickRetry, clock });
    client.failAppendsTo("s-window", 100);
    const claim = { key: "p:window", fingerprint: "f", response: {} };
    const exit = await Effect.runPromiseExit(
      store.append("s-window", [testEvent("E")], ExpectedRevision.noStream, { idempotency: claim }),
    );
    expect(failure(exit)?._tag).toBe("StoreUnavailable");
    expect(client.appendsSent.every((sent) => sent.deadline !== undefined && sent.deadline <= APPEND_DEADLINE_MS)).toBe(true);
    // The retry schedule allows 6 tries: the window, not the schedule, ended them.
    const tries = client.appendsSent.filter((sent) => sent.streamName === "s-window");
    expect(tries.length).toBeGreaterThan(0);
    expect(tries.length).toBeLessThan(6);
    const { claimedAt } = client.storedEvents.find((e) => e.streamId === claimStream("p:window"))!.data as { claimedAt: string };
    expect(clock().getTime() - Date.parse(claimedAt)).toBeLessThanOrEqual(CLAIMED_APPEND_WINDOW_MS);
  });

  it("reads back where an append landed when the server answers without a position", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry });
    client.writeSystemEvent();
    // The head read, the append's answer and the first read back come without positions, as
    // for events not yet indexed: the read back is asked again.
    client.withholdPositions(3);
    const result = await run(store.append("s-unindexed", [testEvent("E"), testEvent("E")], ExpectedRevision.noStream));
    const stored = (await run(store.readAll())).at(-1)!;
    expect(result.position).toBe(stored.position);
  });

  it("never stamps an event before the one it follows in its stream, whatever another instance's clock said", async () => {
    const client = new FakeEventStoreDbClient();
    const ahead = new EventStoreDbEventStore(client, { retry: quickRetry, clock: () => new Date("2025-03-01T10:00:00.000Z") });
    const behind = new EventStoreDbEventStore(client, { retry: quickRetry, clock: () => new Date("2025-02-01T10:00:00.000Z") });
    await run(ahead.append("s-clock", [testEvent("E")], ExpectedRevision.noStream));
    await run(behind.append("s-clock", [testEvent("E")], ExpectedRevision.at(0)));
    const recorded = (await run(behind.readStream("s-clock"))).map((e) => e.recordedAt);
    expect(recorded).toEqual(["2025-03-01T10:00:00.000Z", "2025-03-01T10:00:00.000Z"]);
  });

  it("gives up with StoreUnavailable when the node stays away", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry });
    client.failNextCalls(100);
    const exit = await Effect.runPromiseExit(store.append("s-2", [testEvent("E")], ExpectedRevision.noStream));
    expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag).toBe("StoreUnavailable");
  });

  it("resubscribes after a dropped connection, from the last event delivered, without gaps or repeats", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry, pageSize: 3 });
    for (let i = 0; i < 5; i++) await run(store.append(`live-${i}`, [testEvent("Old", { i })], ExpectedRevision.noStream));
    const received: RecordedEvent[] = [];
    const fiber = Effect.runFork(
      Stream.runForEach(Stream.take(store.subscribe({ fromPosition: 0, batchSize: 2 }), 12), (event) =>
        Effect.sync(() => received.push(event)),
      ),
    );
    // Caught up and live: the old events delivered through catch-up, one live subscription open.
    await vi.waitFor(() => expect([received.length, client.openSubscriptions]).toEqual([5, 1]));
    for (let i = 5; i < 8; i++) await run(store.append(`live-${i}`, [testEvent("New", { i })], ExpectedRevision.noStream));
    await vi.waitFor(() => expect(received).toHaveLength(8));
    client.dropSubscriptions();
    // The drop happened on the live subscription, and the adapter subscribed again.
    await vi.waitFor(() => expect([client.subscriptionsOpened, client.openSubscriptions]).toEqual([2, 1]));
    client.writeSystemEvent();
    for (let i = 8; i < 12; i++) await run(store.append(`live-${i}`, [testEvent("New", { i })], ExpectedRevision.noStream));
    await run(Fiber.join(fiber));
    expect(received.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(client.subscriptionsOpened).toBe(2);
  });

  it("ends a subscription the server refuses (access denied) instead of subscribing again forever", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry });
    const fiber = Effect.runFork(Stream.runDrain(store.subscribe({ fromPosition: 0 })));
    await vi.waitFor(() => expect(client.openSubscriptions).toBe(1));
    client.dropSubscriptions(new AccessDeniedError());
    expect(isDefect(await Effect.runPromise(Fiber.await(fiber)))).toBe(true);
  });

  it("answers an idempotency key whose request is still in flight with StoreUnavailable, and frees an abandoned one", async () => {
    let now = new Date("2025-01-01T10:00:00Z");
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry, clock: () => now });
    const claim = { key: "p:k", fingerprint: "f", response: { id: "x", created: true } };
    // The claim is written, then the process dies before its events are.
    await client.appendToStream(claimStream("p:k"), [
      claimEvent({ ...claim, streamId: "s-3", eventIds: [randomUUID()], firstRevision: 0, claimedAt: now.toISOString() }),
    ]);
    const inFlight = await Effect.runPromiseExit(store.findIdempotencyRecord("p:k"));
    expect(Exit.isFailure(inFlight) && inFlight.cause._tag === "Fail" && inFlight.cause.error._tag).toBe("StoreUnavailable");
    now = new Date("2025-01-01T10:05:00Z");
    expect(await run(store.findIdempotencyRecord("p:k"))).toBeUndefined();
    const result = await run(store.append("s-3", [testEvent("E")], ExpectedRevision.noStream, { idempotency: claim }));
    expect(await run(store.findIdempotencyRecord("p:k"))).toMatchObject({
      ...claim,
      streamId: "s-3",
      revision: 0,
      position: result.position,
    });
  });

  it("keeps idempotency claims and system events out of $all as the application reads it", async () => {
    const client = new FakeEventStoreDbClient();
    const store = new EventStoreDbEventStore(client, { retry: quickRetry });
    client.writeSystemEvent();
    await run(
      store.append("s-4", [testEvent("E")], ExpectedRevision.noStream, {
        idempotency: { key: "k", fingerprint: "f", response: {} },
      }),
    );
    client.writeSystemEvent();
    const all = await run(store.readAll());
    expect(all.map((e) => e.streamId)).toEqual(["s-4"]);
    expect(await run(store.headPosition)).toBe(all[0]!.position);
  });
});

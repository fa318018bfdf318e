import { randomUUID } from "node:crypto";
import { AccessDeniedError, EventStoreDBClient } from "@eventstore/db-client";
import { Cause, Duration, Effect, Exit, Fiber, Schedule, Stream } from "effect";
import { describe, expect, it, vi } from "vitest";
import { type ContractFixture, eventStoreContract, testEvent } from "../../testing/event-store-contract.js";
import { FakeEventStoreDbClient } from "../../testing/fake-eventstoredb-client.js";
import { namespaced } from "../../testing/namespaced-store.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import { fromEsdbEvent } from "./esdb-envelope.js";
import { EventStoreDbEventStore } from "./eventstoredb-event-store.js";
import { claimEvent, claimStream } from "./idempotency-claims.js";

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
    withoutTampering: `a server's log cannot be edited from outside; the tampering tests run on "${standIn.name}"`,
    open: async ({ clock }) => {
      const client = EventStoreDBClient.connectionString(connectionString!);
      const store = namespaced(
        new EventStoreDbEventStore(client, clock ? { clock } : {}),
        `contract${randomUUID().replaceAll("-", "")}`,
      );
      return { store, admin: store, close: () => client.dispose() };
    },
  });
});

describe("EventStoreDB adapter on a server that misbehaves", () => {
  const run = Effect.runPromise;
  const isDefect = (exit: Exit.Exit<unknown, unknown>) => Exit.isFailure(exit) && Cause.isDie(exit.cause);

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

  it("refuses an append of more events than a position can tell apart, as a defect", async () => {
    const store = new EventStoreDbEventStore(new FakeEventStoreDbClient(), { retry: quickRetry });
    const exit = await Effect.runPromiseExit(
      store.append(
        "s-big",
        Array.from({ length: 1_001 }, () => testEvent("E")),
        ExpectedRevision.any,
      ),
    );
    expect(isDefect(exit)).toBe(true);
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

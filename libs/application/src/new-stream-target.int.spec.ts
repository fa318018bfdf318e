import { EventStore, type EventStoreService } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { KeyStore, SqliteKeyStore } from "#privacy";
import { Effect, Layer, ManagedRuntime } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { admin } from "../testing/principals.js";
import { openTally } from "../testing/tally.js";
import { registerOrganisation } from "./commands/organisation/commands.js";
import { executeCommand } from "./execute-command.js";

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

/** The pipeline over a real in-memory store whose stream reads are written down. */
function pipeline() {
  const sqlite = SqliteEventStore.open({ path: ":memory:" });
  const keys = SqliteKeyStore.open(":memory:");
  const read: string[] = [];
  const store: EventStoreService = {
    ...sqlite,
    readStream: (streamId, options) =>
      Effect.suspend(() => {
        read.push(streamId);
        return sqlite.readStream(streamId, options);
      }),
  };
  const runtime = ManagedRuntime.make(Layer.mergeAll(Layer.succeed(EventStore, store), Layer.succeed(KeyStore, keys)));
  opened.push(async () => {
    await runtime.dispose();
    sqlite.close();
    keys.close();
  });
  return { sqlite, runtime, read };
}

describe("a command whose target is a new stream (CommandTarget.newStream)", () => {
  it("opens its stream without reading it first", async () => {
    const { sqlite, runtime, read } = pipeline();
    const created = await runtime.runPromise(
      executeCommand(registerOrganisation, { input: { name: "Västerås stad", kind: "municipality" }, principal: admin }),
    );
    expect(created).toMatchObject({ revision: 0, created: true });
    expect(read).not.toContain(created.streamId);
    const events = await Effect.runPromise(sqlite.readStream(created.streamId));
    expect(events.map((event) => event.type)).toEqual(["OrganisationRegistered"]);
  });

  it("still appends only where no stream is: a target wrongly called new fails on the append and writes nothing", async () => {
    const { sqlite, runtime } = pipeline();
    const first = await runtime.runPromise(executeCommand(openTally, { input: { name: "a" }, principal: admin }));
    // A spec that says "new" of a stream that already holds an event.
    const stale = { ...openTally, target: () => ({ streamId: first.streamId, resourceId: first.id, newStream: true as const }) };
    const exit = await runtime.runPromiseExit(executeCommand(stale, { input: { name: "b" }, principal: admin }));
    expect(exit).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "ConcurrencyConflict" } } });
    const events = await Effect.runPromise(sqlite.readStream(first.streamId));
    expect(events.map((event) => event.data)).toEqual([{ name: "a" }]);
  });
});

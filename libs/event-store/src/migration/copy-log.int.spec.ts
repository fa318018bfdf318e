import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { testEvent } from "../../testing/event-store-contract.js";
import { FakeEventStoreDbClient } from "../../testing/fake-eventstoredb-client.js";
import { EventStoreDbEventStore } from "../eventstoredb/eventstoredb-event-store.js";
import { verifyStore } from "../integrity/verify-store.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import { SqliteEventStore } from "../sqlite/sqlite-event-store.js";
import { copyLog } from "./copy-log.js";

const run = Effect.runPromise;

const embeddedLog = async () => {
  const source = SqliteEventStore.open({ path: ":memory:" });
  for (let i = 0; i < 30; i++) {
    await run(source.append(`stream-${i % 4}`, [testEvent("E", { i }), testEvent("F", { i })], ExpectedRevision.any));
  }
  return source;
};

describe("copying the embedded log into EventStoreDB (mandat migrate)", () => {
  it("keeps ids, order, revisions, recordedAt and hashes, and the copy verifies", async () => {
    const source = await embeddedLog();
    const client = new FakeEventStoreDbClient();
    client.writeSystemEvent();
    const target = new EventStoreDbEventStore(client);
    const progress: number[] = [];
    const report = await run(
      copyLog(source, target, target, { batchSize: 7, onProgress: ({ copied }) => progress.push(copied) }),
    );
    expect(report).toEqual({ copied: 60, verification: { ok: true, checkedEvents: 60 } });
    expect(progress.at(-1)).toBe(60);
    const original = await run(source.readAll());
    const copy = await run(target.readAll());
    const withoutPosition = ({ position: _, ...event }: (typeof original)[number]) => event;
    expect(copy.map(withoutPosition)).toEqual(original.map(withoutPosition));
    expect(await run(verifyStore(source, { densePositions: source.densePositions }))).toEqual({ ok: true, checkedEvents: 60 });
    source.close();
  });

  it("refuses a target that already holds events", async () => {
    const source = await embeddedLog();
    const target = new EventStoreDbEventStore(new FakeEventStoreDbClient());
    await run(target.append("already-there", [testEvent("E")], ExpectedRevision.noStream));
    const exit = await Effect.runPromiseExit(copyLog(source, target, target));
    expect(exit._tag === "Failure" && exit.cause._tag === "Fail" && exit.cause.error._tag).toBe("ImportRejected");
    source.close();
  });
});

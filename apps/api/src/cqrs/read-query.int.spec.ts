import { ExpectedRevision } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { type AnyProjection, ProjectionRunner, listSignals, openReadModelDatabase, signalInboxProjection } from "#projections";
import type Database from "better-sqlite3";
import { Effect } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";
import { ReadQuery, ReadQueryHandler, readFrom } from "./read-query.js";

/** A read model whose code cannot apply the events it takes: it stops at the first one. */
const brokenProjection: AnyProjection = {
  name: "broken",
  version: 1,
  tables: { broken: { columns: "id TEXT PRIMARY KEY" } },
  eventTypes: new Set(["Counted"]),
  bind: () => () => {
    throw new Error("this read model cannot apply the event");
  },
};

const metadata = { actor: { id: "t", roles: [] }, commandId: "c", correlationId: "c", causationId: "c" };

let store: SqliteEventStore;
let db: Database.Database;
let runner: ProjectionRunner;
let handler: ReadQueryHandler;
let head: number;

beforeEach(async () => {
  store = SqliteEventStore.open({ path: ":memory:", pollIntervalMs: 20 });
  db = openReadModelDatabase(":memory:");
  const counted = { type: "Counted", schemaVersion: 1, data: { n: 1 }, metadata };
  head = (await Effect.runPromise(store.append("tally-1", [counted, counted, counted], ExpectedRevision.any))).position;
  runner = new ProjectionRunner(db, store, [signalInboxProjection, brokenProjection]);
  await Effect.runPromise(runner.start());
  handler = new ReadQueryHandler({ runner, readModels: db } as unknown as MandatRuntime);
});

afterEach(async () => {
  await Effect.runPromise(runner.stop());
  db.close();
  store.close();
});

describe("a read with minPosition, while a read model it does not read has stopped short of the position", () => {
  it("is answered from the read models it names", async () => {
    const inbox = readFrom([signalInboxProjection], ({ readModels }) => listSignals(readModels));
    expect(await handler.execute(new ReadQuery(inbox, head))).toEqual([]);
    expect(runner.status().find((status) => status.name === "broken")).toMatchObject({ state: "stopped" });
  });

  it("is answered 503 read-model-behind at once when it names the stopped one", async () => {
    const asked = Date.now();
    const read = readFrom([signalInboxProjection, brokenProjection], () => "stale");
    await expect(handler.execute(new ReadQuery(read, head))).rejects.toMatchObject({ problemName: "read-model-behind" });
    expect(Date.now() - asked).toBeLessThan(2_000);
  });
});

import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type InitiativeId, type MandateId, type MandatEventType, allEvents, initiativeStream } from "#domain";
import { type EventStoreService, ExpectedRevision } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import type Database from "better-sqlite3";
import { Effect } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProjectionRunner } from "../../runner/projection-runner.js";
import { openReadModelDatabase } from "../../runner/read-model-database.js";
import { rebuildProjections } from "../../runner/rebuild.js";
import { signalInboxProjection } from "../signal-inbox/projection.js";
import { mandateHistoryProjection } from "./projection.js";
import { mandateHistory } from "./queries.js";

/**
 * The history is kept between reads (recorded-histories.ts): whatever writes the read model
 * (the runner on the reader's own connection, another connection or process, a rebuild), the
 * next read answers from what was written, at every asOf.
 */
const projections = [mandateHistoryProjection, signalInboxProjection];
const initiative = randomUUID() as InitiativeId;
const mandate = randomUUID() as MandateId;
const terms = (text: string) => ({
  scope: [{ id: "S1", text }],
  boundaries: [],
  principles: [],
  steering: "broad" as const,
});

let clock = Date.parse("2025-01-01T00:00:00.000Z");
const openStore = () => SqliteEventStore.open({ path: ":memory:", clock: () => new Date(clock), pollIntervalMs: 10 });
const append = async <Type extends MandatEventType>(store: EventStoreService, type: Type, data: unknown) => {
  clock += 60_000;
  const event = {
    type,
    schemaVersion: allEvents[type].schemaVersion,
    data: allEvents[type].schema.parse(data),
    metadata: { actor: { id: "tester", roles: ["core-team"] }, commandId: "c", correlationId: "c", causationId: "c" },
  };
  await Effect.runPromise(store.append(initiativeStream(initiative), [event], ExpectedRevision.any));
  return new Date(clock).toISOString();
};
const grant = (store: EventStoreService, text = "Läsning") =>
  append(store, "MandateGranted", { mandateId: mandate, ...terms(text), validFrom: "2025-01-01" });
const amend = (store: EventStoreService, budgetSek: number, effectiveFrom: string) =>
  append(store, "MandateAmended", { mandateId: mandate, changes: { budgetSek }, reason: "Beslut", effectiveFrom });

const history = (db: Database.Database, asOf?: string) =>
  mandateHistory(db, initiative, asOf === undefined ? {} : { asOf }).map((version) => ({
    version: version.version,
    scope: version.scope,
    budgetSek: version.budgetSek,
    supersededFrom: version.supersededFrom,
  }));

let store: SqliteEventStore;
let runner: ProjectionRunner;
const follow = async (db: Database.Database) => {
  runner = new ProjectionRunner(db, store, projections, { batchSize: 50 });
  await Effect.runPromise(runner.start());
};
const caughtUp = async () => {
  const head = await Effect.runPromise(store.headPosition);
  expect(await Effect.runPromise(runner.waitFor(head, 5_000))).toBe(true);
};

beforeEach(() => {
  store = openStore();
});
afterEach(async () => {
  await Effect.runPromise(runner.stop());
  store.close();
});

describe("the mandate history kept between reads", () => {
  it("answers at once with what the runner applies on the reader's own connection, at every asOf", async () => {
    const db = openReadModelDatabase(":memory:");
    try {
      await follow(db);
      const granted = await grant(store);
      await caughtUp();
      expect(history(db)).toEqual([{ version: 1, scope: ["Läsning"], budgetSek: null, supersededFrom: null }]);

      const amended = await amend(store, 100, "2025-03-01");
      await caughtUp();
      const asAmended = [
        { version: 1, scope: ["Läsning"], budgetSek: null, supersededFrom: "2025-03-01" },
        { version: 2, scope: ["Läsning"], budgetSek: 100, supersededFrom: null },
      ];
      expect(history(db)).toEqual(asAmended);
      // As known before the amendment, the grant's terms were not superseded.
      expect(history(db, granted)).toEqual([{ version: 1, scope: ["Läsning"], budgetSek: null, supersededFrom: null }]);

      // A backdated amendment supersedes the grant earlier as known from then on, not as known before.
      await amend(store, 200, "2025-02-01");
      await caughtUp();
      expect(history(db).map((row) => row.supersededFrom)).toEqual(["2025-02-01", null, null]);
      expect(history(db, amended)).toEqual(asAmended);
    } finally {
      db.close();
    }
  });

  it("answers at once with what another connection writes, as another process's runner would", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mandat-history-cache-"));
    const path = join(dir, "read-models.sqlite");
    const writer = openReadModelDatabase(path);
    try {
      await follow(writer);
      await grant(store);
      await caughtUp();
      const reader = openReadModelDatabase(path, { readonly: true });
      try {
        expect(history(reader)).toHaveLength(1);
        await amend(store, 100, "2025-03-01");
        await caughtUp();
        expect(history(reader).map((row) => row.budgetSek)).toEqual([null, 100]);
      } finally {
        reader.close();
      }
    } finally {
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers at once from a rebuild, even one to other rows at the same positions", async () => {
    const db = openReadModelDatabase(":memory:");
    try {
      await follow(db);
      await grant(store, "Läsning");
      await caughtUp();
      expect(history(db).map((row) => row.scope)).toEqual([["Läsning"]]);
      await Effect.runPromise(runner.stop());

      // Another log, whose grant (at the same position) says something else.
      const other = openStore();
      try {
        await grant(other, "Skrivande");
        await Effect.runPromise(rebuildProjections(db, other, projections));
      } finally {
        other.close();
      }
      expect(history(db).map((row) => row.scope)).toEqual([["Skrivande"]]);
    } finally {
      db.close();
    }
  });
});

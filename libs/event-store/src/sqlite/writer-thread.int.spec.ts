import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEvent } from "../../testing/event-store-contract.js";
import { serialiseEvents } from "../integrity/hash-chain.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import type { BatchAppend } from "./batch-writer.js";
import { EVENT_LOG_SCHEMA, applyPragmas } from "./sqlite-schema.js";
import { type BatchOutcome, WriterThread } from "./writer-thread.js";

/** The thread runs the built library (dist/): `npm test` builds before it runs the specs. */
describe("WriterThread", () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mandat-writer-thread-"));
    path = join(dir, "events.sqlite");
    const db = new Database(path);
    applyPragmas(db);
    db.exec(EVENT_LOG_SCHEMA);
    db.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  let sequence = 0;
  const batchOf = (...streams: string[]): BatchAppend[] =>
    streams.map((streamId) => ({
      sequence: sequence++,
      streamId,
      events: serialiseEvents([testEvent("Happened")]),
      expected: ExpectedRevision.noStream,
      idempotency: undefined,
      now: new Date(),
      leader: undefined,
    }));
  const answered = () => {
    let resolve: (outcome: BatchOutcome) => void = () => {};
    const outcome = new Promise<BatchOutcome>((settle) => (resolve = settle));
    return { outcome, answer: (told: BatchOutcome) => resolve(told) };
  };
  const rows = () => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare("SELECT stream_id FROM events ORDER BY position").pluck().all();
    } finally {
      db.close();
    }
  };

  it("answers each batch with its outcomes, in the order sent, and tells how many appends each transaction committed", async () => {
    const committed: number[] = [];
    const thread = WriterThread.start(path, (appends) => committed.push(appends));
    try {
      const [first, second, third] = [answered(), answered(), answered()];
      thread.write(batchOf("a"), 0, first.answer);
      thread.write(batchOf("b", "c"), 0, second.answer);
      thread.write(batchOf("a"), 0, third.answer);
      const outcomes = await Promise.all([first.outcome, second.outcome, third.outcome]);
      expect(outcomes.map((outcome) => ("outcomes" in outcome ? outcome.outcomes.map((o) => o._tag) : outcome))).toEqual([
        ["Written"],
        ["Written", "Written"],
        // The second append to a with noStream expected: refused, and nothing else of its transaction.
        ["ConcurrencyConflict"],
      ]);
      expect(committed.reduce((sum, appends) => sum + appends, 0)).toBe(4);
      expect(rows()).toEqual(["a", "b", "c"]);
    } finally {
      thread.close();
    }
  });

  it("fails the batches in flight of a thread that cannot open its log, says why, and closes at once", async () => {
    const thread = WriterThread.start(join(dir, "missing", "events.sqlite"), () => {});
    const { outcome, answer } = answered();
    thread.write(batchOf("a"), 0, answer);
    // Blocking: the thread's own word that it gave up must reach a close that waits on the port.
    const started = Date.now();
    thread.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    const told = await outcome;
    expect("failed" in told && String(told.failed)).toMatch(/writer thread failed: .*directory does not exist/);
    expect(thread.running).toBe(false);
  });

  it("answers a transaction that fails before it takes its first batch, with SQLite's reason, and the next batch with its own outcomes", async () => {
    const thread = WriterThread.start(path, () => {});
    try {
      const first = answered();
      thread.write(batchOf("a"), 0, first.answer);
      expect("outcomes" in (await first.outcome)).toBe(true);
      const db = new Database(path);
      db.exec("ALTER TABLE events RENAME TO moved");
      const failing = answered();
      thread.write(batchOf("b"), 0, failing.answer);
      const told = await failing.outcome;
      expect("failed" in told && String(told.failed)).toMatch(/no such table: events/);
      db.exec("ALTER TABLE moved RENAME TO events");
      db.close();
      const next = answered();
      thread.write(batchOf("c", "d"), 0, next.answer);
      const outcomes = await next.outcome;
      expect("outcomes" in outcomes && outcomes.outcomes.map((o) => o._tag === "Written" && o.result.streamId)).toEqual([
        "c",
        "d",
      ]);
    } finally {
      thread.close();
    }
  });

  it("fails alone a batch that cannot be sent, and answers the next with its own outcomes", async () => {
    const thread = WriterThread.start(path, () => {});
    try {
      const [unsendable] = batchOf("a");
      const refused = answered();
      thread.write([{ ...unsendable!, expected: (() => {}) as never }], 0, refused.answer);
      expect("failed" in (await refused.outcome)).toBe(true);
      const next = answered();
      thread.write(batchOf("b"), 0, next.answer);
      const outcomes = await next.outcome;
      expect("outcomes" in outcomes && outcomes.outcomes.map((o) => o._tag === "Written" && o.result.streamId)).toEqual(["b"]);
    } finally {
      thread.close();
    }
  });

  it("close waits until what was sent has committed and the thread's connection is closed", () => {
    const thread = WriterThread.start(path, () => {});
    const told: BatchOutcome[] = [];
    thread.write(batchOf("a", "b"), 0, (outcome) => told.push(outcome));
    thread.write(batchOf("c"), 0, (outcome) => told.push(outcome));
    thread.close();
    expect(told).toHaveLength(2);
    // The last connection to close checkpoints the WAL into the log and removes it.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(rows()).toEqual(["a", "b", "c"]);
  });
});

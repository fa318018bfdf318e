import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEvent } from "../../testing/event-store-contract.js";
import { serialiseEvents } from "../integrity/hash-chain.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import { type BatchAppend, BatchWriter, type Leader } from "./batch-writer.js";
import { EVENT_LOG_SCHEMA } from "./sqlite-schema.js";

/** How a writer, on the event loop or on the store's thread, tells whether a follower's leader was written. */
describe("BatchWriter", () => {
  let db: Database.Database;
  let writer: BatchWriter;
  beforeEach(() => {
    db = new Database(":memory:");
    db.exec(EVENT_LOG_SCHEMA);
    writer = new BatchWriter(db);
  });
  afterEach(() => db.close());

  const append = (sequence: number, streamId: string, expected: ExpectedRevision, leader?: Leader): BatchAppend => ({
    sequence,
    streamId,
    events: serialiseEvents([testEvent("Happened")]),
    expected,
    idempotency: undefined,
    now: new Date("2026-12-03T10:00:00.000Z"),
    leader,
  });
  const tags = (outcomes: ReadonlyArray<{ readonly _tag: string }> | undefined) => outcomes?.map((outcome) => outcome._tag);
  const rows = () => db.prepare("SELECT count(*) FROM events").pluck().get();

  it("writes a follower sent after its leader's transaction committed, naming the leader by number", () => {
    expect(tags(writer.write([[append(0, "s", ExpectedRevision.noStream)]], 0)[0])).toEqual(["Written"]);
    const outcomes = writer.write([[append(1, "s", ExpectedRevision.at(0), { sequence: 0 })]], 0)[0];
    expect(outcomes).toEqual([{ _tag: "Written", result: expect.objectContaining({ streamId: "s", revision: 1 }) }]);
  });

  it("refuses a follower whose leader was refused, in an earlier transaction or its own, or is known not written", () => {
    // Refused: stream s has no events, let alone a revision 7.
    writer.write([[append(0, "s", ExpectedRevision.at(7))]], 0);
    const [inLater] = writer.write([[append(1, "t", ExpectedRevision.noStream, { sequence: 0 })]], 0).flat();
    const [, inSame, notWritten] = writer
      .write(
        [
          [append(2, "u", ExpectedRevision.at(3))],
          [append(3, "u", ExpectedRevision.any, { sequence: 2 }), append(4, "v", ExpectedRevision.any, "not-written")],
        ],
        0,
      )
      .flat();
    expect(tags([inLater!, inSame!, notWritten!])).toEqual(["ConcurrencyConflict", "ConcurrencyConflict", "ConcurrencyConflict"]);
    expect(rows()).toBe(0);
  });

  it("forgets the numbers the store has settled: it names those leaders no more", () => {
    writer.write([[append(0, "s", ExpectedRevision.noStream)]], 0);
    const [outcomes] = writer.write([[append(1, "s", ExpectedRevision.at(0), { sequence: 0 })]], 1);
    expect(tags(outcomes)).toEqual(["ConcurrencyConflict"]);
  });

  it("takes the batches that arrive while it writes into the same transaction, and answers them batch by batch", () => {
    function* arriving() {
      yield [append(0, "a", ExpectedRevision.noStream)];
      yield [append(1, "b", ExpectedRevision.noStream), append(2, "a", ExpectedRevision.at(0), { sequence: 0 })];
    }
    const outcomes = writer.write(arriving(), 0);
    expect(outcomes.map(tags)).toEqual([["Written"], ["Written", "Written"]]);
    expect(rows()).toBe(3);
  });

  it("writes nothing of any batch in a transaction that fails", () => {
    const unstorable = { ...append(1, "b", ExpectedRevision.noStream) };
    // Bytes where the payload's text belongs: writing it throws, as a full disk would.
    const bytes = Buffer.from("{}") as unknown as string;
    const broken: BatchAppend = { ...unstorable, events: [{ ...unstorable.events[0]!, dataJson: bytes }] };
    function* arriving() {
      yield [append(0, "a", ExpectedRevision.noStream)];
      yield [broken];
    }
    expect(() => writer.write(arriving(), 0)).toThrow();
    expect(rows()).toBe(0);
    // Nor does it count the first batch's append as committed for a follower.
    expect(tags(writer.write([[append(2, "a", ExpectedRevision.any, { sequence: 0 })]], 0)[0])).toEqual(["ConcurrencyConflict"]);
  });
});

import {
  DeadlineExceededError,
  NO_STREAM,
  NotLeaderError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import { describe, expect, it } from "vitest";
import { ExpectedRevision } from "../port/expected-revision.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import { fromEsdbEvent, toEsdbEvent } from "./esdb-envelope.js";
import { translateError } from "./esdb-errors.js";
import { EVENTS_PER_COMMIT, readStart, toPosition } from "./esdb-positions.js";

describe("positions over $all", () => {
  it("order the events of one append after their shared commit position", () => {
    expect(toPosition(5_000n, 0)).toBe(5_000_000);
    expect(toPosition(5_000n, 2)).toBe(5_000_002);
    expect(toPosition(5_001n, 0)).toBeGreaterThan(toPosition(5_000n, EVENTS_PER_COMMIT - 1));
  });

  it("start a read at the transaction and skip to the event", () => {
    expect(readStart(5_000_002)).toEqual({ from: { commit: 5_000n, prepare: 5_000n }, commit: 5_000n, skip: 2 });
    expect(readStart(0)).toEqual({ from: { commit: 0n, prepare: 0n }, commit: 0n, skip: 0 });
  });

  it("refuse what a position cannot hold", () => {
    expect(() => toPosition(1n, EVENTS_PER_COMMIT)).toThrow(RangeError);
    expect(() => toPosition(2n ** 60n, 0)).toThrow(RangeError);
  });
});

describe("error translation", () => {
  const expected = ExpectedRevision.at(3);

  it("turns a wrong expected version into a concurrency conflict with the server's revision", () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: "s", expected: 3n, current: 7n });
    expect(translateError(error, "s", expected)).toMatchObject({
      kind: "conflict",
      error: { _tag: "ConcurrencyConflict", streamId: "s", expected, actual: 7 },
    });
    const missing = new WrongExpectedVersionError(undefined, { streamName: "s", expected: 3n, current: NO_STREAM });
    expect(translateError(missing, "s", expected)).toMatchObject({ error: { actual: "no-stream" } });
  });

  it("turns an unreachable node, a deadline or a leader change into StoreUnavailable", () => {
    for (const error of [new UnavailableError(), new DeadlineExceededError(), Object.create(NotLeaderError.prototype) as Error]) {
      expect(translateError(error, "s", expected).kind).toBe("unavailable");
    }
  });

  it("reports a missing stream, and anything else as a defect", () => {
    expect(translateError(new StreamNotFoundError(undefined, "s"), "s", expected)).toEqual({ kind: "stream-not-found" });
    expect(translateError(new TypeError("bug"), "s", expected).kind).toBe("defect");
  });
});

describe("envelopes", () => {
  const event: RecordedEvent = {
    eventId: "01941f29-7c00-7000-8000-000000000001",
    type: "MandateGranted",
    schemaVersion: 1,
    streamId: "initiative-1",
    revision: 4,
    position: 0,
    recordedAt: "2025-03-01T10:00:00.000Z",
    data: { scope: ["a"] },
    metadata: {
      actor: { id: "p", roles: ["core-team"] },
      commandId: "c",
      correlationId: "corr",
      causationId: "cause",
      hash: "h".repeat(64),
      prevHash: "p".repeat(64),
    },
  };

  it("keep the envelope whole through EventStoreDB, with the position from the commit", () => {
    const data = toEsdbEvent(event, 2) as unknown as { id: string; type: string; data: unknown; metadata: unknown };
    expect(data.metadata).toMatchObject({ $correlationId: "corr", $causationId: "cause", indexInAppend: 2 });
    const back = fromEsdbEvent({ ...data, streamId: event.streamId, revision: 4n, position: { commit: 9n, prepare: 9n } });
    expect(back).toEqual({ ...event, position: 9_002 });
  });

  it("pass over events Mandat did not write", () => {
    expect(
      fromEsdbEvent({
        id: "x",
        streamId: "$stats",
        revision: 0n,
        type: "$statsCollected",
        data: {},
        metadata: undefined,
        position: { commit: 1n, prepare: 1n },
      }),
    ).toBeUndefined();
  });
});

import {
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import { describe, expect, it } from "vitest";
import { ExpectedRevision } from "../port/expected-revision.js";
import type { RecordedEvent } from "../port/recorded-event.js";
import { fromEsdbEvent, toEsdbEvent } from "./esdb-envelope.js";
import { translateError } from "./esdb-errors.js";
import { MAX_EVENTS_PER_APPEND, PositionNotKnown, isKnownPosition, readStart, toPosition } from "./esdb-positions.js";

describe("positions over $all", () => {
  it("order events by their own commit positions, with their index in the append beside", () => {
    expect(toPosition(5_000n, 0)).toBe(5_000_000);
    expect(toPosition(5_137n, 1)).toBe(5_137_001);
    expect(toPosition(5_001n, 0)).toBeGreaterThan(toPosition(5_000n, MAX_EVENTS_PER_APPEND - 1));
  });

  it("resume after any event of an append at that event's own record", () => {
    expect(readStart(5_000_002)).toEqual({ commit: 5_000n, prepare: 5_000n });
    expect(readStart(0)).toEqual({ commit: 0n, prepare: 0n });
    // The one after the last event an append may hold still reads from that event's record.
    expect(readStart(toPosition(5_000n, MAX_EVENTS_PER_APPEND - 1) + 1)).toEqual({ commit: 5_000n, prepare: 5_000n });
  });

  it("refuse what a position cannot hold", () => {
    expect(MAX_EVENTS_PER_APPEND).toBe(999);
    expect(() => toPosition(1n, MAX_EVENTS_PER_APPEND)).toThrow(RangeError);
    expect(() => toPosition(2n ** 60n, 0)).toThrow(RangeError);
  });

  it("tell a position the server did not know from a real one", () => {
    expect(isKnownPosition({ commit: 1_000n, prepare: 1_000n })).toBe(true);
    expect(isKnownPosition(undefined)).toBe(false);
    expect(isKnownPosition({ commit: 0n, prepare: 0n })).toBe(false);
    expect(isKnownPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBe(false);
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

  it("turns an unreachable node, a deadline, a leader change, a busy server or a failed discovery into StoreUnavailable", () => {
    for (const error of [
      new UnavailableError(),
      new DeadlineExceededError(),
      Object.create(NotLeaderError.prototype) as Error,
      // What a batch append answers when the server is busy or not ready (unpackError.js).
      new UnknownError(),
      // What the client throws when no node answered gossip (discovery.js).
      new Error("Failed to discover after 10 attempts."),
      new PositionNotKnown("s"),
    ]) {
      expect(translateError(error, "s", expected).kind).toBe("unavailable");
    }
  });

  it("reports a missing stream, an append too large, and anything else as a defect", () => {
    expect(translateError(new StreamNotFoundError(undefined, "s"), "s", expected)).toEqual({ kind: "stream-not-found" });
    expect(translateError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), "s", expected)).toEqual({
      kind: "too-large",
      maxAppendSize: 1_048_576,
    });
    expect(translateError(new TypeError("bug"), "s", expected).kind).toBe("defect");
    // An invalid argument (a read from inside a record) arrives as an UnknownError with its gRPC code: a bug.
    const invalid = new UnknownError({ code: 3, message: "3 INVALID_ARGUMENT: Invalid position.", details: "" } as never);
    expect(translateError(invalid, "s", expected).kind).toBe("defect");
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

  it("refuse an event of ours whose position the server did not report, rather than skip it or put it at 0", () => {
    const data = toEsdbEvent(event, 0) as unknown as { id: string; type: string; data: unknown; metadata: unknown };
    const stored = { ...data, streamId: event.streamId, revision: 4n, position: { commit: 0n, prepare: 0n } };
    expect(() => fromEsdbEvent(stored)).toThrow(PositionNotKnown);
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

import { randomUUID } from "node:crypto";
import { meetingStream } from "#domain";
import { type EventToAppend, ExpectedRevision, type RecordedEvent } from "#event-store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { useProjectionHarness } from "../../../testing/projection-harness.js";
import { MAX_AUDIT_EVENTS, auditEvents } from "./queries.js";

const harness = useProjectionHarness([]);

const audit = (query: Parameters<typeof auditEvents>[1]) => Effect.runPromise(auditEvents(harness.store, query));
const positions = (events: ReadonlyArray<RecordedEvent>) => events.map((e) => e.position);

const comment = (n: number): EventToAppend => ({
  type: "CommentRecorded",
  schemaVersion: 1,
  data: { topic: "Load", comment: `Comment ${n}` },
  metadata: { actor: { id: "tester", roles: ["core-team"] }, commandId: "c", correlationId: "c", causationId: "c" },
});
/** Appends `count` comments to a stream in one write. */
const appendComments = (streamId: string, count: number) =>
  Effect.runPromise(
    harness.store.append(
      streamId,
      Array.from({ length: count }, (_, n) => comment(n)),
      ExpectedRevision.any,
    ),
  );

/** Two meetings' events, interleaved so that stream revisions and log positions differ. */
async function interleaved() {
  const [first, second] = [meetingStream(randomUUID()), meetingStream(randomUUID())];
  const events: RecordedEvent[] = [];
  for (let n = 0; n < 3; n++) {
    events.push(await harness.append(first, "CommentRecorded", { topic: "First", comment: `#${n}` }, { actorId: "chair" }));
    events.push(await harness.append(second, "CommentRecorded", { topic: "Second", comment: `#${n}` }));
  }
  return { first, second, events };
}

describe("audit-log: auditEvents", () => {
  it("returns the whole log in order with full envelopes", async () => {
    const { events } = await interleaved();
    const read = await audit({ limit: 100 });
    expect(read).toEqual(events);
    expect(read[0]).toMatchObject({
      type: "CommentRecorded",
      schemaVersion: 1,
      revision: 0,
      position: 1,
      metadata: { actor: { id: "chair" }, hash: expect.any(String), prevHash: "0".repeat(64) },
    });
  });

  it("starts at fromPosition, inclusive, and stops at limit", async () => {
    const { events } = await interleaved();
    expect(positions(await audit({ fromPosition: 3, limit: 100 }))).toEqual([3, 4, 5, 6]);
    expect(positions(await audit({ fromPosition: 3, limit: 2 }))).toEqual([3, 4]);
    expect(await audit({ fromPosition: 7, limit: 100 })).toEqual([]);
    expect(await audit({ limit: 0 })).toEqual([]);
    expect(await audit({ limit: -1 })).toEqual([]);
    expect(positions(await audit({ limit: 1 }))).toEqual([events[0]!.position]);
  });

  it("reads one stream from a log position, not a revision", async () => {
    const { first, second, events } = await interleaved();
    const ofFirst = events.filter((e) => e.streamId === first);
    expect(await audit({ streamId: first, limit: 100 })).toEqual(ofFirst);
    // Position 2 belongs to the second stream: the first stream's events from there are at 3 and 5.
    expect(positions(await audit({ streamId: first, fromPosition: 2, limit: 100 }))).toEqual([3, 5]);
    expect(positions(await audit({ streamId: first, fromPosition: 2, limit: 1 }))).toEqual([3]);
    expect(positions(await audit({ streamId: second, fromPosition: 6, limit: 100 }))).toEqual([6]);
    expect(await audit({ streamId: second, fromPosition: 7, limit: 100 })).toEqual([]);
  });

  it("answers an empty list for a stream that does not exist", async () => {
    await interleaved();
    expect(await audit({ streamId: meetingStream(randomUUID()), limit: 10 })).toEqual([]);
  });

  it(`caps the limit at ${MAX_AUDIT_EVENTS}`, async () => {
    const stream = meetingStream(randomUUID());
    await appendComments(stream, MAX_AUDIT_EVENTS + 5);
    expect(await audit({ limit: MAX_AUDIT_EVENTS + 5 })).toHaveLength(MAX_AUDIT_EVENTS);
    expect(await audit({ streamId: stream, limit: MAX_AUDIT_EVENTS + 5 })).toHaveLength(MAX_AUDIT_EVENTS);
  });

  it("finds a long stream's events past its first page of revisions", async () => {
    const stream = meetingStream(randomUUID());
    await appendComments(meetingStream(randomUUID()), 10);
    await appendComments(stream, MAX_AUDIT_EVENTS + 50);
    const head = await Effect.runPromise(harness.store.headPosition);
    const read = await audit({ streamId: stream, fromPosition: head - 19, limit: 100 });
    expect(positions(read)).toEqual(Array.from({ length: 20 }, (_, n) => head - 19 + n));
    expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 20 }, (_, n) => MAX_AUDIT_EVENTS + 30 + n));
  });
});

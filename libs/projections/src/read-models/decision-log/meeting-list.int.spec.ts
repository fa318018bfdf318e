import { randomUUID } from "node:crypto";
import { type FocusArea, type MeetingBody, meetingStream } from "#domain";
import { describe, expect, it } from "vitest";
import { useRecordedHistory } from "../../../testing/projection-harness.js";
import { type MeetingListOptions, listMeetings } from "./meeting-list.js";
import { decisionLogProjection } from "./projection.js";

const focusArea = "alla-barn-och-unga-lyckas" as FocusArea;
const june = randomUUID();
const september = randomUUID();
const boardInSeptember = randomUUID();
const lateJune = randomUUID(); // held in June, recorded in October
const november = randomUUID(); // planned in October, held in November

const juneRecorded = "2024-06-12T15:00:00.000Z";
const septemberRecorded = "2024-09-19T15:00:00.000Z";
const boardRecorded = "2024-09-20T15:00:00.000Z";
const lateRecorded = "2024-10-01T09:00:00.000Z";
const novemberPlanned = "2024-10-02T09:00:00.000Z";
const novemberHeld = "2024-11-14T15:00:00.000Z";

const held = (heldOn: string, body: MeetingBody = "core-team") => ({
  body,
  focusArea,
  heldOn,
  attendees: [],
  absentees: [],
  agenda: ["Mandat"],
});

const harness = useRecordedHistory([decisionLogProjection], async ({ append }) => {
  await append(meetingStream(june), "MeetingHeld", held("2024-06-12"), { recordedAt: juneRecorded });
  await append(meetingStream(september), "MeetingHeld", held("2024-09-19"), { recordedAt: septemberRecorded });
  await append(meetingStream(boardInSeptember), "MeetingHeld", held("2024-09-19", "board"), { recordedAt: boardRecorded });
  await append(meetingStream(lateJune), "MeetingHeld", held("2024-06-20"), { recordedAt: lateRecorded });
  await append(
    meetingStream(november),
    "MeetingPlanned",
    { body: "core-team", focusArea, plannedOn: "2024-11-14", agenda: [{ title: "Mandat" }] },
    { recordedAt: novemberPlanned },
  );
  await append(meetingStream(november), "MeetingHeld", held("2024-11-14"), { recordedAt: novemberHeld });
});

const ids = (options: Partial<MeetingListOptions> = {}) =>
  listMeetings(harness.db, { page: { limit: 100 }, ...options }).items.map((m) => m.id);

describe("listMeetings", () => {
  it("lists the meetings by the day held, then as recorded", () => {
    expect(ids()).toEqual([june, lateJune, september, boardInSeptember, november]);
    expect(listMeetings(harness.db, { page: { limit: 1 } }).items).toEqual([
      { id: june, body: "core-team", focusArea, plannedOn: null, heldOn: "2024-06-12", recordedAt: juneRecorded },
    ]);
  });

  it("lists a meeting from the instant it was recorded, whenever it was held", () => {
    expect(ids({ asOf: "2024-06-12T14:59:59.999Z" })).toEqual([]);
    expect(ids({ asOf: boardRecorded })).toEqual([june, september, boardInSeptember]);
    expect(ids({ asOf: lateRecorded })).toEqual([june, lateJune, september, boardInSeptember]);
  });

  it("lists a planned meeting only from the instant it was recorded held", () => {
    expect(ids({ asOf: novemberPlanned, from: "2024-11-01" })).toEqual([]);
    expect(listMeetings(harness.db, { from: "2024-11-01", page: { limit: 10 } }).items).toEqual([
      { id: november, body: "core-team", focusArea, plannedOn: "2024-11-14", heldOn: "2024-11-14", recordedAt: novemberHeld },
    ]);
  });

  it("lists a meeting planned and not yet held by asOf with status planned, by the day planned for", () => {
    const planned = (options: Partial<MeetingListOptions>) =>
      listMeetings(harness.db, { status: "planned", page: { limit: 10 }, ...options }).items;
    expect(planned({ asOf: novemberPlanned })).toEqual([
      { id: november, body: "core-team", focusArea, plannedOn: "2024-11-14", heldOn: null, recordedAt: novemberPlanned },
    ]);
    expect(planned({ asOf: "2024-10-02T08:59:59.999Z" })).toEqual([]);
    expect(planned({ asOf: novemberHeld })).toEqual([]);
    expect(planned({})).toEqual([]);
    expect(planned({ asOf: novemberPlanned, from: "2024-11-15" })).toEqual([]);
    expect(planned({ asOf: novemberPlanned, body: "board" })).toEqual([]);
  });

  it("lists the meetings held between from and to, of one body or focus area", () => {
    expect(ids({ from: "2024-06-13", to: "2024-09-19" })).toEqual([lateJune, september, boardInSeptember]);
    expect(ids({ from: "2024-09-20" })).toEqual([november]);
    expect(ids({ body: "board" })).toEqual([boardInSeptember]);
    expect(ids({ focusArea: "annat-omrade" })).toEqual([]);
  });

  it("pages by cursor", () => {
    const first = listMeetings(harness.db, { page: { limit: 3 } });
    expect(first.items.map((m) => m.id)).toEqual([june, lateJune, september]);
    expect(listMeetings(harness.db, { page: { limit: 3, after: first.nextAfter! } })).toEqual({
      items: [expect.objectContaining({ id: boardInSeptember }), expect.objectContaining({ id: november })],
      nextAfter: null,
    });
  });
});

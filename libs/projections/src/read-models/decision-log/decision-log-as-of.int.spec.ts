import { randomUUID } from "node:crypto";
import { type FocusArea, initiativeStream, meetingStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, useRecordedHistory } from "../../../testing/projection-harness.js";
import { decisionLogPage } from "./queries.js";
import { decisionLogProjection } from "./projection.js";

// The decision log on both axes: `from`/`to` select meetings by the day held (valid time),
// `asOf` what was recorded by then (recorded time).
const june = randomUUID();
const september = randomUUID();
const [juneMandate, juneOther, septemberBudget] = [randomUUID(), randomUUID(), randomUUID()];
const initiative = randomUUID();

const juneHeld = "2024-06-12T15:00:00.000Z";
const juneDecided = "2024-06-12T15:10:00.000Z";
const septemberHeld = "2024-09-19T15:00:00.000Z";
const septemberDecided = "2024-09-19T15:10:00.000Z";
const juneDecidedLate = "2024-09-20T09:00:00.000Z"; // a decision of June recorded in September
const granted = "2024-09-21T09:00:00.000Z";

const held = (heldOn: string) => ({
  body: "core-team" as const,
  focusArea: "alla-barn-och-unga-lyckas" as FocusArea,
  heldOn,
  attendees: [],
  absentees: [],
  agenda: ["Mandat"],
});
const decided = (decisionId: string, subject: string, paragraph?: number) =>
  ({
    decisionId,
    subject,
    decision: `${subject}: beslutat`,
    kind: "other",
    ...(paragraph ? { paragraph } : {}),
  }) as Payload<"DecisionRecorded">;

const harness = useRecordedHistory([decisionLogProjection], async ({ append }) => {
  await append(meetingStream(june), "MeetingHeld", held("2024-06-12"), { recordedAt: juneHeld });
  await append(meetingStream(june), "DecisionRecorded", decided(juneMandate, "Mandat", 2), { recordedAt: juneDecided });
  await append(meetingStream(september), "MeetingHeld", held("2024-09-19"), { recordedAt: septemberHeld });
  await append(meetingStream(september), "DecisionRecorded", decided(septemberBudget, "Budget"), {
    recordedAt: septemberDecided,
  });
  await append(meetingStream(june), "DecisionRecorded", decided(juneOther, "Övrigt", 1), { recordedAt: juneDecidedLate });
  await append(
    initiativeStream(initiative),
    "MandateGranted",
    {
      mandateId: randomUUID(),
      scope: [],
      boundaries: [],
      principles: [],
      steering: "broad",
      validFrom: "2024-07-01",
      decision: { meetingId: june, decisionId: juneMandate },
    } as unknown as Payload<"MandateGranted">,
    { recordedAt: granted },
  );
});

const log = (options: { asOf?: string; from?: string; to?: string } = {}) =>
  decisionLogPage(harness.db, { ...options, page: { limit: 100 } }).items;
const ids = (options: { asOf?: string; from?: string; to?: string } = {}) => log(options).map((d) => d.decisionId);

describe("decisionLogPage", () => {
  it("lists, as known now, the decisions by meeting day, then by §, each with the events citing it", () => {
    expect(ids()).toEqual([juneOther, juneMandate, septemberBudget]);
    expect(log()[1]!.effects).toEqual([expect.objectContaining({ type: "MandateGranted" })]);
  });

  it("knows a decision and an effect from the instant each was recorded", () => {
    expect(ids({ asOf: "2024-06-12T15:09:59.999Z" })).toEqual([]);
    expect(ids({ asOf: septemberDecided })).toEqual([juneMandate, septemberBudget]);
    expect(log({ asOf: juneDecidedLate })[1]!.effects).toEqual([]);
    expect(log({ asOf: granted })[1]!.effects).toHaveLength(1);
  });

  it("selects meetings by the day held, whatever was recorded when", () => {
    expect(ids({ from: "2024-09-01" })).toEqual([septemberBudget]);
    expect(ids({ to: "2024-06-30", asOf: septemberDecided })).toEqual([juneMandate]);
  });

  it("pages by cursor, in the same order", () => {
    const first = decisionLogPage(harness.db, { page: { limit: 2 } });
    expect(first.items.map((d) => d.decisionId)).toEqual([juneOther, juneMandate]);
    const second = decisionLogPage(harness.db, { page: { limit: 2, after: first.nextAfter! } });
    expect(second.items.map((d) => d.decisionId)).toEqual([septemberBudget]);
    expect(second.nextAfter).toBeNull();
  });
});

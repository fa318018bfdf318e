import { randomUUID } from "node:crypto";
import { type FocusArea, type GoalId, type InitiativeId, type OrganisationId, initiativeStream, signalStream } from "#domain";
import { describe, expect, it } from "vitest";
import { useRecordedHistory } from "../../../testing/projection-harness.js";
import { initiativeOverview, initiativeOverviewReadModels } from "./overview.js";

const initiative = randomUUID() as InitiativeId;
const goal = randomUUID() as GoalId;
const signal = randomUUID();
const dropped = "2025-03-01T09:00:00.000Z";
// 00:30 on 2 March in Stockholm, still 1 March in UTC: the day that counts is Stockholm's.
const answered = "2025-03-01T23:30:00.000Z";
// 00:10 on 5 March in Stockholm: the cadence counts from that day.
const cadenceAgreed = "2025-03-04T23:10:00.000Z";

// Over exactly the read models it names: the overview reads nothing else.
const harness = useRecordedHistory(initiativeOverviewReadModels, async ({ append }) => {
  const stream = initiativeStream(initiative);
  const registration = {
    name: "Läsfrämjande",
    focusArea: "alla-barn" as FocusArea,
    description: "",
    organisationIds: [randomUUID() as OrganisationId],
  };
  await append(stream, "InitiativeRegistered", registration, { recordedAt: "2025-01-10T09:00:00.000Z" });
  await append(stream, "GoalSet", { goalId: goal, statement: "Fler barn läser" }, { recordedAt: "2025-01-11T09:00:00.000Z" });
  await append(
    signalStream(signal),
    "SignalSubmitted",
    {
      initiativeId: initiative,
      kind: "need",
      summary: "Skolorna vill ha stöd",
      mandatePosition: "within",
      observedOn: "2025-01-12",
    },
    { recordedAt: "2025-01-13T09:00:00.000Z" },
  );
  await append(stream, "GoalDropped", { goalId: goal, reason: "Ersatt" }, { recordedAt: dropped });
  await append(signalStream(signal), "SignalAnswered", { response: "Noterat", outcome: "noted" }, { recordedAt: answered });
  await append(stream, "CheckInCadenceAgreed", { everyDays: 14 }, { recordedAt: cadenceAgreed });
});

describe("initiativeOverview", () => {
  const overview = (at: string, asOf?: string) => initiativeOverview(harness.db, initiative, { at, ...(asOf ? { asOf } : {}) })!;

  it("shows a goal dropped and a signal answered later as they stood on an earlier day", () => {
    expect(overview("2025-02-01")).toMatchObject({
      goals: [{ goalId: goal, statement: "Fler barn läser" }],
      unansweredSignals: [{ id: signal, kind: "need", observedOn: "2025-01-12" }],
    });
  });

  it("lists a signal from the day it was observed", () => {
    expect(overview("2025-01-11").unansweredSignals).toEqual([]);
    expect(overview("2025-01-12").unansweredSignals).toHaveLength(1);
  });

  it("drops the goal and the signal from the Stockholm days their drop and answer were recorded", () => {
    expect(overview("2025-03-01")).toMatchObject({ goals: [], unansweredSignals: [{ id: signal }] });
    expect(overview("2025-03-02")).toMatchObject({ goals: [], unansweredSignals: [] });
    expect(overview("2025-03-02", "2025-03-01T08:59:59.999Z")).toMatchObject({
      goals: [{ goalId: goal }],
      unansweredSignals: [{ id: signal }],
    });
  });

  it("with a cadence and no check-in yet, is due a cadence after the day it was agreed", () => {
    expect(overview("2025-03-19")).toMatchObject({
      cadenceDays: 14,
      lastCheckIn: null,
      nextCheckInDue: "2025-03-19",
      checkInOverdue: false,
    });
    expect(overview("2025-03-20")).toMatchObject({ nextCheckInDue: "2025-03-19", checkInOverdue: true });
    expect(overview("2025-03-20", "2025-03-04T23:09:59.999Z")).toMatchObject({
      cadenceDays: null,
      nextCheckInDue: null,
      checkInOverdue: false,
    });
  });
});

import { randomUUID } from "node:crypto";
import { type Clause, REGISTRATION_STREAM, initiativeStream, meetingStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, useProjectionHarness } from "../../../testing/projection-harness.js";
import { delegationDecisions } from "./delegation-decisions.js";
import { openNextSteps } from "./open-next-steps.js";
import { decisionLogProjection } from "./projection.js";
import { decisionLog, meeting } from "./queries.js";
import { registeredMeeting } from "./registered-minutes.js";

const harness = useProjectionHarness([decisionLogProjection]);

const [chair, secretary, adjusterA, adjusterB] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const focusArea = "alla-barn-och-unga-lyckas";

const held = (heldOn: string, agenda = ["Uppdateringar", "Budget 2025", "Nästa steg"]) =>
  ({
    body: "core-team",
    focusArea,
    heldOn,
    attendees: [chair, secretary, adjusterA, adjusterB],
    absentees: [] as string[],
    agenda,
  }) as Payload<"MeetingHeld">;
const at = (instant: string) => ({ recordedAt: instant });

/** A seal of the log's first `eventCount` events, as an approving event carries it (its signature is not checked here). */
const sealOf = (eventCount: number) => ({
  position: eventCount,
  eventCount,
  digest: String(eventCount % 10).repeat(64),
  sealedAt: "2024-09-24T08:00:00.000Z",
  keyId: "key-1",
  signature: "c2lnbmF0dXJl",
});

describe("decision-log: a planned meeting", () => {
  it("is planned, with its agenda items as § 1, § 2, ... and the open items they came from, until it is known held", async () => {
    const meetingId = randomUUID();
    const stream = meetingStream(meetingId);
    const tensionId = randomUUID();
    await harness.append(
      stream,
      "MeetingPlanned",
      {
        body: "core-team",
        focusArea,
        plannedOn: "2024-11-28",
        agenda: [{ title: "Uppdateringar" }, { title: "Linjen och samverkan", source: { tensionId } }],
      } as Payload<"MeetingPlanned">,
      at("2024-11-01T09:00:00Z"),
    );
    await harness.append(
      stream,
      "MeetingHeld",
      held("2024-11-28", ["Uppdateringar", "Linjen och samverkan"]),
      at("2024-11-28T15:00:00Z"),
    );
    await harness.sync();

    const before = meeting(harness.db, meetingId, { asOf: "2024-11-27T23:00:00Z" })!;
    expect(before).toMatchObject({ status: "planned", plannedOn: "2024-11-28", heldOn: null, attendees: [] });
    expect(before.agendaItems).toEqual([
      { paragraph: 1, title: "Uppdateringar", source: null },
      { paragraph: 2, title: "Linjen och samverkan", source: { tensionId } },
    ]);
    expect(meeting(harness.db, meetingId)).toMatchObject({
      status: "held",
      heldOn: "2024-11-28",
      attendees: [chair, secretary, adjusterA, adjusterB],
    });
    expect(meeting(harness.db, meetingId, { asOf: "2024-10-31T00:00:00Z" })).toBeUndefined();
  });
});

describe("decision-log: adjusted minutes", () => {
  it("names chair, secretary and adjusters, and is approved on the day the second adjuster adjusted, as known then", async () => {
    const meetingId = randomUUID();
    const stream = meetingStream(meetingId);
    await harness.append(stream, "MeetingHeld", held("2024-09-19"), at("2024-09-19T14:00:00Z"));
    await harness.append(
      stream,
      "MeetingOfficersAppointed",
      { chairId: chair, secretaryId: secretary, adjusterIds: [adjusterA, adjusterB] } as Payload<"MeetingOfficersAppointed">,
      at("2024-09-19T14:05:00Z"),
    );
    const decision = (subject: string, paragraph?: number) =>
      ({
        decisionId: randomUUID(),
        subject,
        decision: "Beslut",
        kind: "other",
        ...(paragraph ? { paragraph } : {}),
      }) as Payload<"DecisionRecorded">;
    await harness.append(stream, "DecisionRecorded", decision("Nästa möte", 3), at("2024-09-19T14:10:00Z"));
    await harness.append(stream, "DecisionRecorded", decision("Utan paragraf"), at("2024-09-19T14:11:00Z"));
    await harness.append(stream, "DecisionRecorded", decision("Budget 2025", 2), at("2024-09-19T14:12:00Z"));
    await harness.append(
      stream,
      "MinutesAdjusted",
      { adjusterId: adjusterB, on: "2024-09-24", seal: sealOf(40) } as Payload<"MinutesAdjusted">,
      at("2024-09-24T08:00:00Z"),
    );
    await harness.append(
      stream,
      "MinutesAdjusted",
      { adjusterId: adjusterA, on: "2024-09-26", seal: sealOf(41) } as Payload<"MinutesAdjusted">,
      at("2024-09-26T08:00:00Z"),
    );
    await harness.sync();

    const halfway = meeting(harness.db, meetingId, { asOf: "2024-09-25" })!;
    expect(halfway).toMatchObject({
      status: "held",
      chairId: chair,
      secretaryId: secretary,
      adjusterIds: [adjusterA, adjusterB],
      approved: false,
      approvedOn: null,
      approvalSeal: null,
    });
    expect(halfway.adjustments).toEqual([{ adjusterId: adjusterB, on: "2024-09-24", recordedAt: "2024-09-24T08:00:00.000Z" }]);
    const now = meeting(harness.db, meetingId)!;
    // The later adjustment approved the minutes: its seal is theirs.
    expect(now).toMatchObject({ status: "approved", approved: true, approvedOn: "2024-09-26", approvalSeal: sealOf(41) });
    expect(now.decisions.map((d) => [d.paragraph, d.subject])).toEqual([
      [2, "Budget 2025"],
      [3, "Nästa möte"],
      [null, "Utan paragraf"],
    ]);
    expect(meeting(harness.db, meetingId, { asOf: "2024-09-19T14:06:00Z" })!.decisions).toEqual([]);
  });
});

describe("decision-log: next steps followed up", () => {
  it("shows a next step done on `at` as known at `asOf`, in the minutes and in the open list across meetings", async () => {
    const september = meetingStream(randomUUID());
    const november = meetingStream(randomUUID());
    const [done, open, later] = [randomUUID(), randomUUID(), randomUUID()];
    await harness.append(september, "MeetingHeld", held("2024-09-19"), at("2024-09-19T14:00:00Z"));
    await harness.append(september, "NextStepAgreed", {
      nextStepId: done,
      text: "Möte i november",
      due: "2024-11-30",
    } as Payload<"NextStepAgreed">);
    await harness.append(september, "NextStepAgreed", {
      nextStepId: open,
      text: "Kartlägg styrande sammanhang",
    } as Payload<"NextStepAgreed">);
    await harness.append(november, "MeetingHeld", held("2024-11-28"), at("2024-11-28T14:00:00Z"));
    await harness.append(november, "NextStepAgreed", {
      nextStepId: later,
      text: "Budget 2026",
      due: "2025-03-31",
    } as Payload<"NextStepAgreed">);
    // Marked done on 28 November, but recorded only on 2 December.
    await harness.append(
      september,
      "NextStepCompleted",
      { nextStepId: done, on: "2024-11-28" } as Payload<"NextStepCompleted">,
      at("2024-12-02T10:00:00Z"),
    );
    await harness.sync();
    const ids = (time: { asOf?: string; at: string }) => openNextSteps(harness.db, time).map((step) => step.nextStepId);

    expect(ids({ at: "2024-11-27" })).toEqual([done, open]);
    expect(ids({ at: "2024-11-28" })).toEqual([later, open]);
    expect(ids({ at: "2024-11-28", asOf: "2024-12-01" })).toEqual([done, later, open]);
    expect(ids({ at: "2024-09-18" })).toEqual([]);
    expect(ids({ at: "2024-11-28", asOf: "2024-11-27" })).toEqual([done, open]);
    expect(openNextSteps(harness.db, { at: "2025-01-01", focusArea: "annat-omrade" })).toEqual([]);
    expect(openNextSteps(harness.db, { at: "2024-09-19" })[0]).toEqual({
      meetingId: september.slice("meeting-".length),
      heldOn: "2024-09-19",
      nextStepId: done,
      text: "Möte i november",
      ownerId: null,
      due: "2024-11-30",
      position: expect.any(Number),
    });

    const minutes = (time: { asOf?: string; at?: string }) =>
      meeting(harness.db, september.slice("meeting-".length), time)!.nextSteps.find((step) => step.nextStepId === done);
    expect(minutes({})).toMatchObject({ status: "done", closedOn: "2024-11-28" });
    expect(minutes({ at: "2024-11-27" })).toMatchObject({ status: "open", closedOn: null });
    expect(minutes({ asOf: "2024-12-01" })).toMatchObject({ status: "open", closedOn: null });
  });

  it("shows a dropped next step with its reason", async () => {
    const stream = meetingStream(randomUUID());
    const step = randomUUID();
    await harness.append(stream, "MeetingHeld", held("2024-09-19"));
    await harness.append(stream, "NextStepAgreed", { nextStepId: step, text: "Studiebesök" } as Payload<"NextStepAgreed">);
    await harness.append(stream, "NextStepDropped", {
      nextStepId: step,
      on: "2024-10-01",
      reason: "Ersätts av möte",
    } as Payload<"NextStepDropped">);
    await harness.sync();
    expect(meeting(harness.db, stream.slice("meeting-".length))!.nextSteps[0]).toMatchObject({
      status: "dropped",
      closedOn: "2024-10-01",
      reason: "Ersätts av möte",
    });
    expect(openNextSteps(harness.db, { at: "2024-10-01" })).toEqual([]);
    expect(openNextSteps(harness.db, { at: "2024-09-30" })).toHaveLength(1);
  });
});

describe("decision-log: delegation decisions", () => {
  it("lists mandate changes made without a meeting decision until a meeting held by `at` was told of them, as known at `asOf`", async () => {
    const initiativeId = randomUUID();
    const initiative = initiativeStream(initiativeId);
    const mandateId = randomUUID();
    await harness.append(
      initiative,
      "InitiativeRegistered",
      {
        name: "Drömfabriken",
        focusArea,
        description: "",
        organisationIds: [randomUUID()],
      } as Payload<"InitiativeRegistered">,
      at("2024-06-01T08:00:00Z"),
    );
    await harness.append(initiative, "MandateGranted", {
      mandateId,
      scope: [{ id: "S1", text: "Fritid" }],
      boundaries: [] as Clause[],
      principles: [] as Clause[],
      steering: "broad",
      validFrom: "2024-07-01",
      decision: { meetingId: randomUUID(), decisionId: randomUUID() },
    } as Payload<"MandateGranted">);
    const amended = await harness.append(
      initiative,
      "MandateAmended",
      {
        mandateId,
        changes: { budgetSek: 90_000 },
        reason: "Svar på signal",
        effectiveFrom: "2024-10-15",
      } as Payload<"MandateAmended">,
      { recordedAt: "2024-10-14T09:00:00Z", actorId: chair },
    );
    const meetingId = randomUUID();
    await harness.append(meetingStream(meetingId), "MeetingHeld", held("2024-11-28"), at("2024-11-28T14:00:00Z"));
    await harness.append(
      meetingStream(meetingId),
      "DelegationDecisionsReported",
      { decisions: [{ initiativeId, revision: amended.revision }] } as Payload<"DelegationDecisionsReported">,
      at("2024-11-28T14:30:00Z"),
    );
    await harness.sync();
    const unreported = (time: { asOf?: string; at?: string }) =>
      delegationDecisions(harness.db, { ...time, status: "unreported" }).map((d) => d.revision);

    expect(delegationDecisions(harness.db)).toEqual([
      {
        initiativeId,
        revision: amended.revision,
        type: "MandateAmended",
        mandateId,
        effectiveFrom: "2024-10-15",
        reason: "Svar på signal",
        decidedBy: chair,
        decidedOn: "2024-10-14",
        recordedAt: "2024-10-14T09:00:00.000Z",
        reportedIn: [{ meetingId, heldOn: "2024-11-28" }],
        position: amended.position,
      },
    ]);
    expect(unreported({})).toEqual([]);
    expect(unreported({ asOf: "2024-11-28T14:10:00Z" })).toEqual([amended.revision]);
    expect(unreported({ at: "2024-11-27" })).toEqual([amended.revision]);
    expect(unreported({ at: "2024-10-13" })).toEqual([]);
    expect(unreported({ asOf: "2024-10-01" })).toEqual([]);
    expect(meeting(harness.db, meetingId)!.reportedDelegationDecisions).toEqual([{ initiativeId, revision: amended.revision }]);
    expect(delegationDecisions(harness.db, { status: "reported" })).toHaveLength(1);
  });
});

describe("decision-log: registration numbers", () => {
  it("shows the numbers of the minutes and of each decision once recorded", async () => {
    const meetingId = randomUUID();
    const stream = meetingStream(meetingId);
    const decisionId = randomUUID();
    await harness.append(stream, "MeetingHeld", held("2024-09-19"), at("2024-09-19T14:00:00Z"));
    await harness.append(stream, "DecisionRecorded", {
      decisionId,
      subject: "Budget 2025",
      decision: "Godkänns",
      kind: "budget",
      paragraph: 2,
    } as Payload<"DecisionRecorded">);
    const numbered = (subject: { meetingId: string; decisionId?: string }, n: number, instant: string) =>
      harness.append(
        REGISTRATION_STREAM,
        "RegistrationNumberAssigned",
        { subject, year: 2024, n, number: `SHK 2024/${n}` } as Payload<"RegistrationNumberAssigned">,
        at(instant),
      );
    await numbered({ meetingId, decisionId }, 11, "2024-09-20T08:00:00Z");
    await numbered({ meetingId }, 12, "2024-09-27T08:00:00Z");
    await harness.sync();

    const now = registeredMeeting(harness.db, meetingId)!;
    expect(now.registrationNumber).toBe("SHK 2024/12");
    expect(now.decisions.map((d) => d.registrationNumber)).toEqual(["SHK 2024/11"]);
    const before = registeredMeeting(harness.db, meetingId, { asOf: "2024-09-25" })!;
    expect(before.registrationNumber).toBeNull();
    expect(before.decisions.map((d) => d.registrationNumber)).toEqual(["SHK 2024/11"]);
    expect(registeredMeeting(harness.db, randomUUID())).toBeUndefined();
    expect(decisionLog(harness.db).map((d) => d.registrationNumber)).toEqual(["SHK 2024/11"]);
    expect(decisionLog(harness.db, { asOf: "2024-09-19T23:00:00Z" }).map((d) => d.registrationNumber)).toEqual([null]);
  });
});

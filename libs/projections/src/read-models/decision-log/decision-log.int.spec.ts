import { randomUUID } from "node:crypto";
import { REGISTRATION_STREAM, budgetStream, initiativeStream, meetingStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, expectRebuildMatchesLive, useProjectionHarness } from "../../../testing/projection-harness.js";
import { decisionLogProjection } from "./projection.js";
import { decisionLog, meeting } from "./queries.js";

const harness = useProjectionHarness([decisionLogProjection]);

const [chair, member, absent] = [randomUUID(), randomUUID(), randomUUID()];
const initiativeId = randomUUID();

const held = (heldOn: string): Payload<"MeetingHeld"> =>
  ({
    body: "core-team",
    focusArea: "alla-barn-och-unga-lyckas",
    heldOn,
    attendees: [chair, member],
    absentees: [absent],
    agenda: ["Updates", "Budget 2025"],
  }) as Payload<"MeetingHeld">;

const decided = (subject: string, kind: "budget" | "mandate" | "other" = "other") =>
  ({ decisionId: randomUUID(), subject, decision: `${subject}: approved`, kind }) as Payload<"DecisionRecorded">;

const mandateGranted = (decision?: { meetingId: string; decisionId: string }) =>
  ({
    mandateId: randomUUID(),
    scope: [{ id: "S1", text: "Homework support" }],
    boundaries: [{ id: "B1", text: "No new staff" }],
    principles: [{ id: "P1", text: "Children first" }],
    steering: "broad",
    validFrom: "2024-10-01",
    ...(decision ? { decision } : {}),
  }) as Payload<"MandateGranted">;

/** A meeting held on `heldOn` with one decision; returns the ids. */
async function meetingWithDecision(heldOn: string, subject: string, kind?: "budget" | "mandate" | "other") {
  const meetingId = randomUUID();
  await harness.append(meetingStream(meetingId), "MeetingHeld", held(heldOn));
  const decision = decided(subject, kind);
  await harness.append(meetingStream(meetingId), "DecisionRecorded", decision);
  return { meetingId, decisionId: decision.decisionId as string };
}

describe("decision-log: meeting", () => {
  it("answers undefined for a meeting it does not know", async () => {
    await harness.sync();
    expect(meeting(harness.db, randomUUID())).toBeUndefined();
  });

  it("holds the minutes as recorded: decisions, comments and next steps in order, not yet approved", async () => {
    const meetingId = randomUUID();
    const stream = meetingStream(meetingId);
    await harness.append(stream, "MeetingHeld", held("2024-09-19"));
    const budget = { ...decided("Budget 2025", "budget"), rationale: "Within the frame" } as Payload<"DecisionRecorded">;
    const other = decided("Next meeting");
    await harness.append(stream, "DecisionRecorded", budget);
    await harness.append(stream, "CommentRecorded", { topic: "Budget", comment: "How do we know we get value?" });
    await harness.append(stream, "DecisionRecorded", other);
    await harness.append(stream, "CommentRecorded", { topic: "Leading", comment: "Line versus collaboration" });
    const owned = {
      nextStepId: randomUUID(),
      text: "Map governing contexts",
      ownerId: member,
      due: "2024-11-14",
    } as Payload<"NextStepAgreed">;
    const open = { nextStepId: randomUUID(), text: "Book the November meeting" } as Payload<"NextStepAgreed">;
    await harness.append(stream, "NextStepAgreed", owned);
    await harness.append(stream, "NextStepAgreed", open);
    await harness.sync();

    expect(meeting(harness.db, meetingId)).toEqual({
      id: meetingId,
      body: "core-team",
      focusArea: "alla-barn-och-unga-lyckas",
      status: "held",
      plannedOn: null,
      heldOn: "2024-09-19",
      attendees: [chair, member],
      absentees: [absent],
      agenda: ["Updates", "Budget 2025"],
      agendaItems: [
        { paragraph: 1, title: "Updates", source: null },
        { paragraph: 2, title: "Budget 2025", source: null },
      ],
      chairId: null,
      secretaryId: null,
      adjusterIds: [],
      adjustments: [],
      reportedDelegationDecisions: [],
      decisions: [
        {
          decisionId: budget.decisionId,
          subject: "Budget 2025",
          decision: "Budget 2025: approved",
          rationale: "Within the frame",
          kind: "budget",
          paragraph: null,
        },
        {
          decisionId: other.decisionId,
          subject: "Next meeting",
          decision: "Next meeting: approved",
          rationale: null,
          kind: "other",
          paragraph: null,
        },
      ],
      comments: [
        { topic: "Budget", comment: "How do we know we get value?" },
        { topic: "Leading", comment: "Line versus collaboration" },
      ],
      nextSteps: [
        {
          nextStepId: owned.nextStepId,
          text: "Map governing contexts",
          ownerId: member,
          due: "2024-11-14",
          status: "open",
          closedOn: null,
          reason: null,
        },
        {
          nextStepId: open.nextStepId,
          text: "Book the November meeting",
          ownerId: null,
          due: null,
          status: "open",
          closedOn: null,
          reason: null,
        },
      ],
      corrections: [],
      approved: false,
      approvedOn: null,
      approvalSeal: null,
    });
  });

  it("marks approval and lists corrections after it with their recorded time, leaving the minutes as recorded", async () => {
    const { meetingId } = await meetingWithDecision("2024-09-19", "Budget 2025", "budget");
    const stream = meetingStream(meetingId);
    const seal = {
      position: 7,
      eventCount: 7,
      digest: "a".repeat(64),
      sealedAt: "2024-09-26T10:00:00.000Z",
      keyId: "key-1",
      signature: "c2lnbmF0dXJl",
    };
    await harness.append(stream, "MinutesApproved", { on: "2024-09-26", seal }, { recordedAt: "2024-09-26T10:00:00.000Z" });
    await harness.append(
      stream,
      "MinutesCorrected",
      { correction: "Absentee was present", reason: "Typo" },
      {
        recordedAt: "2024-09-27T09:00:00.000Z",
      },
    );
    await harness.append(
      stream,
      "MinutesCorrected",
      { correction: "Amount is 1.2 MSEK", reason: "Misheard" },
      {
        recordedAt: "2024-09-28T09:00:00.000Z",
      },
    );
    await harness.sync();

    const minutes = meeting(harness.db, meetingId)!;
    expect(minutes).toMatchObject({ approved: true, approvedOn: "2024-09-26", absentees: [absent], approvalSeal: seal });
    expect(meeting(harness.db, meetingId, { asOf: "2024-09-25" })).toMatchObject({ approved: false, approvalSeal: null });
    expect(minutes.decisions.map((d) => d.subject)).toEqual(["Budget 2025"]);
    expect(minutes.corrections).toEqual([
      { correction: "Absentee was present", reason: "Typo", recordedAt: "2024-09-27T09:00:00.000Z" },
      { correction: "Amount is 1.2 MSEK", reason: "Misheard", recordedAt: "2024-09-28T09:00:00.000Z" },
    ]);
  });
});

describe("decision-log: decisionLog", () => {
  it("orders decisions by meeting date, then as recorded, whatever order the meetings were recorded in", async () => {
    const later = await meetingWithDecision("2024-11-14", "November decision");
    const earlier = await meetingWithDecision("2024-09-19", "Budget 2025", "budget");
    const second = decided("Second on the 19th");
    await harness.append(meetingStream(earlier.meetingId), "DecisionRecorded", second);
    await harness.sync();

    expect(decisionLog(harness.db)).toEqual([
      {
        ...earlier,
        heldOn: "2024-09-19",
        paragraph: null,
        subject: "Budget 2025",
        decision: "Budget 2025: approved",
        kind: "budget",
        registrationNumber: null,
        effects: [],
      },
      {
        meetingId: earlier.meetingId,
        decisionId: second.decisionId,
        heldOn: "2024-09-19",
        paragraph: null,
        subject: "Second on the 19th",
        decision: "Second on the 19th: approved",
        kind: "other",
        registrationNumber: null,
        effects: [],
      },
      {
        ...later,
        heldOn: "2024-11-14",
        paragraph: null,
        subject: "November decision",
        decision: "November decision: approved",
        kind: "other",
        registrationNumber: null,
        effects: [],
      },
    ]);
  });

  it("keeps meetings held within [from, to], both dates inclusive", async () => {
    await meetingWithDecision("2024-09-19", "On the 19th");
    await harness.sync();
    const subjects = (period: { from?: string; to?: string }) => decisionLog(harness.db, period).map((d) => d.subject);

    expect(subjects({ from: "2024-09-18" })).toEqual(["On the 19th"]);
    expect(subjects({ from: "2024-09-19" })).toEqual(["On the 19th"]);
    expect(subjects({ from: "2024-09-20" })).toEqual([]);
    expect(subjects({ to: "2024-09-18" })).toEqual([]);
    expect(subjects({ to: "2024-09-19" })).toEqual(["On the 19th"]);
    expect(subjects({ to: "2024-09-20" })).toEqual(["On the 19th"]);
    expect(subjects({ from: "2024-09-19", to: "2024-09-19" })).toEqual(["On the 19th"]);
  });

  it("lists under each decision the events that cite it, in log order; events without a decision cite nothing", async () => {
    const budgetDecision = await meetingWithDecision("2024-09-19", "Budget 2025", "budget");
    const mandateDecision = await meetingWithDecision("2024-09-19", "Mandate for homework support", "mandate");
    const initiative = initiativeStream(initiativeId);
    const budget = budgetStream("alla-barn-och-unga-lyckas", 2025);
    const granted = mandateGranted(mandateDecision);
    const { mandateId } = granted;
    await harness.append(budget, "BudgetProposed", {
      year: 2025,
      lines: [{ lineId: randomUUID(), purpose: "Coordination", amountSek: 100_000 }],
    } as Payload<"BudgetProposed">);
    const approved = await harness.append(budget, "BudgetApproved", { decision: budgetDecision } as Payload<"BudgetApproved">);
    const grantedEvent = await harness.append(initiative, "MandateGranted", granted);
    await harness.append(initiative, "MandateGranted", mandateGranted());
    const amended = await harness.append(initiative, "MandateAmended", {
      mandateId,
      changes: { budgetSek: 50_000 },
      reason: "More schools",
      effectiveFrom: "2024-11-01",
      decision: mandateDecision,
    } as Payload<"MandateAmended">);
    await harness.append(initiative, "MandateAmended", {
      mandateId,
      changes: { steering: "detailed" },
      reason: "Asked for by the lead",
      effectiveFrom: "2024-11-02",
    } as Payload<"MandateAmended">);
    const renewed = await harness.append(initiative, "MandateRenewed", {
      mandateId,
      validUntil: "2026-06-30",
      decision: mandateDecision,
    } as Payload<"MandateRenewed">);
    const budgetAmended = await harness.append(budget, "BudgetAmended", {
      lines: [{ lineId: randomUUID(), purpose: "Coordination", amountSek: 120_000 }],
      reason: "External funding",
      decision: budgetDecision,
    } as Payload<"BudgetAmended">);
    const revoked = await harness.append(initiative, "MandateRevoked", {
      mandateId,
      reason: "Merged into another initiative",
      effectiveFrom: "2025-03-01",
      decision: mandateDecision,
    } as Payload<"MandateRevoked">);
    await harness.sync();

    const effect = (event: { streamId: string; type: string; position: number }) => ({
      streamId: event.streamId,
      type: event.type,
      position: event.position,
    });
    const effects = Object.fromEntries(decisionLog(harness.db).map((d) => [d.subject, d.effects]));
    expect(effects).toEqual({
      "Budget 2025": [effect(approved), effect(budgetAmended)],
      "Mandate for homework support": [effect(grantedEvent), effect(amended), effect(renewed), effect(revoked)],
    });
  });

  it("rebuilds to exactly the rows it holds live", async () => {
    const { meetingId, decisionId } = await meetingWithDecision("2024-09-19", "Budget 2025", "budget");
    const stream = meetingStream(meetingId);
    await harness.append(stream, "CommentRecorded", { topic: "Budget", comment: "Value for money" });
    await harness.append(stream, "NextStepAgreed", {
      nextStepId: randomUUID(),
      text: "Meet in November",
    } as Payload<"NextStepAgreed">);
    await harness.append(stream, "MinutesApproved", { on: "2024-09-26" });
    await harness.append(stream, "MinutesCorrected", { correction: "Spelling", reason: "Typo" });
    const decision = { meetingId, decisionId };
    const budget = budgetStream("alla-barn-och-unga-lyckas", 2025);
    const lines = [{ lineId: randomUUID(), purpose: "Coordination", amountSek: 100_000 }];
    await harness.append(budget, "BudgetProposed", { year: 2025, lines } as Payload<"BudgetProposed">);
    await harness.append(budget, "BudgetApproved", { decision } as Payload<"BudgetApproved">);
    await harness.append(budget, "BudgetAmended", { lines, reason: "Same again", decision } as Payload<"BudgetAmended">);
    const granted = mandateGranted(decision);
    const initiative = initiativeStream(initiativeId);
    await harness.append(initiative, "MandateGranted", granted);
    await harness.append(initiative, "MandateAmended", {
      mandateId: granted.mandateId,
      changes: { scope: [{ id: "S1", text: "More" }] },
      reason: "Growth",
      effectiveFrom: "2024-11-01",
      decision,
    } as Payload<"MandateAmended">);
    const renewal = { mandateId: granted.mandateId, validUntil: "2026-01-01", decision } as Payload<"MandateRenewed">;
    await harness.append(initiative, "MandateRenewed", renewal);
    await harness.append(initiative, "MandateRevoked", {
      mandateId: granted.mandateId,
      reason: "Done",
      effectiveFrom: "2025-01-01",
      decision,
    } as Payload<"MandateRevoked">);
    // What every other table holds: a planned meeting with officers and an adjustment, a next
    // step done, and a delegation decision reported.
    const planned = meetingStream(randomUUID());
    await harness.append(planned, "MeetingPlanned", {
      body: "core-team",
      focusArea: "alla-barn-och-unga-lyckas",
      plannedOn: "2024-11-28",
      agenda: [{ title: "Updates" }],
    } as Payload<"MeetingPlanned">);
    await harness.append(planned, "MeetingHeld", { ...held("2024-11-28"), agenda: ["Updates"] } as Payload<"MeetingHeld">);
    await harness.append(planned, "MeetingOfficersAppointed", {
      chairId: chair,
      secretaryId: member,
      adjusterIds: [member, absent],
    } as Payload<"MeetingOfficersAppointed">);
    await harness.append(planned, "MinutesAdjusted", { adjusterId: member, on: "2024-12-01" } as Payload<"MinutesAdjusted">);
    const step = randomUUID();
    await harness.append(planned, "NextStepAgreed", { nextStepId: step, text: "Map contexts" } as Payload<"NextStepAgreed">);
    await harness.append(planned, "NextStepCompleted", { nextStepId: step, on: "2024-12-01" } as Payload<"NextStepCompleted">);
    const delegated = await harness.append(initiative, "MandateGranted", mandateGranted());
    await harness.append(planned, "DelegationDecisionsReported", {
      decisions: [{ initiativeId, revision: delegated.revision }],
    } as Payload<"DelegationDecisionsReported">);
    await harness.append(REGISTRATION_STREAM, "RegistrationNumberAssigned", {
      subject: { meetingId },
      year: 2024,
      n: 1,
      number: "SHK 2024/1",
    } as Payload<"RegistrationNumberAssigned">);

    await expectRebuildMatchesLive(harness);
  });
});

import { randomUUID } from "node:crypto";
import { type Clause, initiativeStream, meetingStream, signalStream, tensionStream } from "#domain";
import { describe, expect, it } from "vitest";
import { type Payload, useProjectionHarness } from "../../../testing/projection-harness.js";
import { agendaCandidates, agendaCandidatesReadModels } from "./agenda-candidates.js";

const harness = useProjectionHarness(agendaCandidatesReadModels);
const focusArea = "alla-barn-och-unga-lyckas";
const at = (instant: string) => ({ recordedAt: instant });

describe("agenda candidates", () => {
  it("offers open tensions, unanswered signals, open next steps and unreported delegation decisions, on `at` as known at `asOf`", async () => {
    const initiativeId = randomUUID();
    const other = randomUUID();
    const register = (id: string, name: string, area: string) =>
      harness.append(
        initiativeStream(id),
        "InitiativeRegistered",
        { name, focusArea: area, description: "", organisationIds: [randomUUID()] } as Payload<"InitiativeRegistered">,
        at("2024-06-01T08:00:00Z"),
      );
    await register(initiativeId, "Drömfabriken", focusArea);
    await register(other, "Annat initiativ", "annat-omrade");
    const mandateId = randomUUID();
    const granted = await harness.append(
      initiativeStream(initiativeId),
      "MandateGranted",
      {
        mandateId,
        scope: [{ id: "S1", text: "Fritid" }],
        boundaries: [] as Clause[],
        principles: [] as Clause[],
        steering: "broad",
        validFrom: "2024-07-01",
      } as Payload<"MandateGranted">,
      at("2024-07-01T08:00:00Z"),
    );
    const tensionId = randomUUID();
    await harness.append(
      tensionStream(tensionId),
      "TensionRaised",
      {
        initiativeIds: [] as string[],
        category: "roles",
        description: "Roller glider in i varandra",
        intensity: 3,
        raisedOn: "2024-09-19",
      } as Payload<"TensionRaised">,
      at("2024-09-19T15:00:00Z"),
    );
    const signalId = randomUUID();
    await harness.append(
      signalStream(signalId),
      "SignalSubmitted",
      {
        initiativeId,
        kind: "boundary-request",
        summary: "Lokaler på kvällstid",
        mandatePosition: "at-edge",
        observedOn: "2024-10-10",
      } as Payload<"SignalSubmitted">,
      at("2024-10-10T09:00:00Z"),
    );
    await harness.append(signalStream(randomUUID()), "SignalSubmitted", {
      initiativeId: other,
      kind: "need",
      summary: "Annat område",
      mandatePosition: "within",
      observedOn: "2024-10-10",
    } as Payload<"SignalSubmitted">);
    const meetingId = randomUUID();
    const nextStepId = randomUUID();
    await harness.append(
      meetingStream(meetingId),
      "MeetingHeld",
      {
        body: "core-team",
        focusArea,
        heldOn: "2024-09-19",
        attendees: [] as string[],
        absentees: [] as string[],
        agenda: ["Nästa steg"],
      } as Payload<"MeetingHeld">,
      at("2024-10-11T09:00:00Z"),
    );
    await harness.append(meetingStream(meetingId), "NextStepAgreed", {
      nextStepId,
      text: "Möte i november",
    } as Payload<"NextStepAgreed">);
    await harness.sync();

    const kinds = (options: { asOf?: string; at: string; focusArea?: string }) =>
      agendaCandidates(harness.db, { ...options, withinCoreTeam: true }).map((candidate) => candidate.kind);
    const all = agendaCandidates(harness.db, { at: "2024-11-01", focusArea, withinCoreTeam: true });
    expect(all).toEqual([
      { kind: "tension", title: "Roller glider in i varandra", source: { tensionId }, since: "2024-09-19", initiativeId: null },
      { kind: "signal", title: "Drömfabriken: Lokaler på kvällstid", source: { signalId }, since: "2024-10-10", initiativeId },
      { kind: "next-step", title: "Möte i november", source: { meetingId, nextStepId }, since: "2024-09-19", initiativeId: null },
      {
        kind: "delegation-decision",
        title: "Delegationsbeslut 2024-07-01: mandat beviljat, Drömfabriken",
        source: { delegationDecision: { initiativeId, revision: granted.revision } },
        since: "2024-07-01",
        initiativeId,
      },
    ]);
    expect(kinds({ at: "2024-11-01" })).toEqual(["tension", "signal", "signal", "next-step", "delegation-decision"]);
    // On 1 October nothing had been observed yet; as known on 1 October, neither had the meeting.
    expect(kinds({ at: "2024-10-01", focusArea })).toEqual(["tension", "next-step", "delegation-decision"]);
    expect(kinds({ at: "2024-11-01", asOf: "2024-10-01", focusArea })).toEqual(["tension", "delegation-decision"]);
    expect(kinds({ at: "2024-06-30", focusArea })).toEqual([]);
    // A reader who may not see the Core Team's own tensions (a lead) is not offered them either.
    const forALead = agendaCandidates(harness.db, { at: "2024-11-01", focusArea, withinCoreTeam: false });
    expect(forALead.map((candidate) => candidate.kind)).toEqual(["signal", "next-step", "delegation-decision"]);
  });
});

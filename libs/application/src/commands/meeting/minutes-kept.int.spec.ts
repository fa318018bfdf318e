import { randomUUID } from "node:crypto";
import type { Principal } from "#domain";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { actingAs, useCommandRuntime } from "../../../testing/command-runtime.js";
import { appendInitiative } from "../../../testing/initiative-history.js";
import { registeredPeople } from "../../../testing/people.js";
import { coreTeam } from "../../../testing/principals.js";
import {
  adjustMinutes,
  agreeNextStep,
  appointMeetingOfficers,
  approveMinutes,
  completeNextStep,
  dropNextStep,
  holdMeeting,
  holdPlannedMeeting,
  planMeeting,
  recordComment,
  recordDecision,
  reportDelegationDecisions,
} from "./commands.js";

const runtime = useCommandRuntime();
const { ok, failure } = actingAs(runtime, coreTeam);
const eventsOf = (streamId: string) => Effect.runPromise(runtime.store.readStream(streamId));
const as = (id: string): Principal => ({ id, roles: ["core-team"] });

/** Four registered people: chair, secretary and the two adjusters. */
const officers = async () => {
  const [chairId, secretaryId, first, second] = await registeredPeople(
    runtime,
    "Deltagare Västerås 1",
    "Deltagare Västerås 2",
    "Deltagare Västerås 3",
    "Deltagare Västerås 4",
  );
  return { chairId: chairId!, secretaryId: secretaryId!, adjusterIds: [first!, second!] as [string, string] };
};
/** A meeting with someone present, where who it is does not matter. */
const attended = async () => meeting(await registeredPeople(runtime, "Deltagare Västerås 1"));
const meeting = (attendees: string[]) => ({
  body: "core-team" as const,
  focusArea: "alla-barn-och-unga-lyckas",
  heldOn: "2024-09-19",
  attendees,
  absentees: [],
  agenda: ["Uppdateringar", "Budget 2025"],
});

describe("meeting commands: adjusting the minutes", () => {
  it("approves the minutes when both adjusters, acting as themselves, have adjusted them", async () => {
    const named = await officers();
    const { id: meetingId, streamId } = await ok(holdMeeting, meeting([named.chairId, ...named.adjusterIds]));
    await ok(appointMeetingOfficers, { meetingId, ...named });
    const [first, second] = named.adjusterIds;
    expect(await runtime.failure(adjustMinutes, { input: { meetingId }, principal: as(named.chairId) })).toMatchObject({
      _tag: "not-an-adjuster",
    });
    await runtime.ok(adjustMinutes, { input: { meetingId }, principal: as(first) });
    expect(await failure(recordComment, { meetingId, topic: "Budget", comment: "Sent tillägg" })).toMatchObject({
      _tag: "minutes-under-adjustment",
    });
    await runtime.ok(adjustMinutes, { input: { meetingId }, principal: as(second) });
    const adjusted = (await eventsOf(streamId)).filter((event) => event.type === "MinutesAdjusted");
    expect(adjusted.map((event) => (event.data as { adjusterId: string }).adjusterId)).toEqual([first, second]);
    expect(await failure(recordComment, { meetingId, topic: "Budget", comment: "Sent tillägg" })).toMatchObject({
      _tag: "minutes-frozen",
    });
  });

  it("refuses ApproveMinutes once adjusters are appointed, and a § beyond the agenda", async () => {
    const named = await officers();
    const { id: meetingId } = await ok(holdMeeting, meeting([named.chairId]));
    const decision = { meetingId, subject: "Budget 2025", decision: "Godkänns", kind: "budget" as const };
    await ok(recordDecision, { ...decision, paragraph: 2 });
    expect(await failure(recordDecision, { ...decision, paragraph: 3 })).toMatchObject({ _tag: "paragraph-not-on-agenda" });
    await ok(appointMeetingOfficers, { meetingId, ...named });
    expect(await failure(approveMinutes, { meetingId })).toMatchObject({ _tag: "minutes-approved-by-adjusters" });
  });
});

describe("meeting commands: planned meetings", () => {
  it("plans a meeting, refuses minutes until it is held, then holds it with the plan's agenda", async () => {
    const named = await officers();
    const agenda = [{ title: "Uppdateringar" }, { title: "Linjen och samverkan", source: { tensionId: randomUUID() } }];
    const { id: meetingId, streamId } = await ok(planMeeting, {
      body: "core-team",
      focusArea: "alla-barn-och-unga-lyckas",
      plannedOn: "2024-11-28",
      agenda,
    });
    expect(await failure(recordComment, { meetingId, topic: "Budget", comment: "För tidigt" })).toMatchObject({
      _tag: "meeting-not-yet-held",
    });
    await ok(holdPlannedMeeting, { meetingId, heldOn: "2024-11-28", attendees: [named.chairId], absentees: [] });
    expect((await eventsOf(streamId)).at(-1)?.data).toMatchObject({ agenda: ["Uppdateringar", "Linjen och samverkan"] });
    expect(await failure(holdPlannedMeeting, { meetingId, heldOn: "2024-11-28", attendees: [], absentees: [] })).toMatchObject({
      _tag: "meeting-already-held",
    });
  });
});

describe("meeting commands: next steps followed up", () => {
  it("marks a next step done, refuses it twice, and answers an unknown next step as missing", async () => {
    const { id: meetingId } = await ok(holdMeeting, await attended());
    const { id: nextStepId } = await ok(agreeNextStep, { meetingId, text: "Möte i november" });
    const { id: other } = await ok(agreeNextStep, { meetingId, text: "Kartlägg styrande sammanhang" });
    await ok(completeNextStep, { meetingId, nextStepId, on: "2024-11-28" });
    expect(await failure(completeNextStep, { meetingId, nextStepId, on: "2024-11-29" })).toMatchObject({
      _tag: "next-step-closed",
    });
    expect(await failure(dropNextStep, { meetingId, nextStepId: randomUUID(), reason: "x", on: "2024-11-29" })).toMatchObject({
      _tag: "ResourceNotFound",
    });
    expect(
      await failure(dropNextStep, { meetingId, nextStepId: other, reason: "Görs i linjen", on: "2099-01-01" }),
    ).toMatchObject({ _tag: "next-step-closed-in-future" });
  });
});

describe("meeting commands: delegation decisions reported", () => {
  it("takes a mandate event recorded without a meeting decision, and refuses any other event", async () => {
    const initiativeId = await appendInitiative(runtime.store, { mandateId: randomUUID() });
    const { id: meetingId, streamId } = await ok(holdMeeting, await attended());
    // Revision 2 is the grant, recorded without a decision; revision 1 is the goal.
    await ok(reportDelegationDecisions, { meetingId, decisions: [{ initiativeId, revision: 2 }] });
    expect((await eventsOf(streamId)).at(-1)?.data).toEqual({ decisions: [{ initiativeId, revision: 2 }] });
    for (const revision of [1, 9]) {
      expect(await failure(reportDelegationDecisions, { meetingId, decisions: [{ initiativeId, revision }] })).toMatchObject({
        _tag: "delegation-decision-not-found",
      });
    }
    expect(
      await failure(reportDelegationDecisions, { meetingId, decisions: [{ initiativeId: randomUUID(), revision: 0 }] }),
    ).toMatchObject({ _tag: "delegation-decision-not-found" });
  });
});

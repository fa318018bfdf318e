import { randomUUID } from "node:crypto";
import { calendarDate } from "#domain";
import { Effect } from "effect";
import type { InputOf } from "../../command-spec.js";
import { describe, expect, it } from "vitest";
import { actingAs, useCommandRuntime } from "../../../testing/command-runtime.js";
import { registeredPeople } from "../../../testing/people.js";
import { admin, coreTeam } from "../../../testing/principals.js";
import {
  agreeNextStep,
  approveMinutes,
  correctMinutes,
  holdMeeting,
  recordComment,
  recordDecision,
} from "../meeting/commands.js";

const runtime = useCommandRuntime();
const { ok, failure } = actingAs(runtime, coreTeam);
const eventsOf = (streamId: string) => Effect.runPromise(runtime.store.readStream(streamId));

const twoPeople = async () => {
  const [attending, absent] = await registeredPeople(runtime, "Deltagare Västerås 1", "Deltagare Västerås 2");
  return [attending!, absent!] as const;
};
/** A meeting with someone present, where who it is does not matter. */
const attended = async () => meeting([(await twoPeople())[0]], []);
const meeting = (attendees: string[], absentees: string[]): InputOf<typeof holdMeeting> => ({
  body: "core-team",
  focusArea: "alla-barn-och-unga-lyckas",
  heldOn: "2024-09-19",
  attendees,
  absentees,
  agenda: ["Uppdateringar", "Budget 2025"],
});

describe("meeting commands", () => {
  it("holds a meeting of registered people", async () => {
    const [attending, absent] = await twoPeople();
    const result = await ok(holdMeeting, meeting([attending], [absent]));
    expect(result).toMatchObject({ streamId: `meeting-${result.id}`, revision: 0, created: true });
  });

  it("rejects an attendee who is not registered and appends nothing", async () => {
    const [attending, absent] = await twoPeople();
    const before = await runtime.headPosition();
    const error = await failure(holdMeeting, meeting([attending, randomUUID()], [absent]));
    expect(error).toMatchObject({ _tag: "person-not-registered" });
    expect(await runtime.headPosition()).toBe(before);
  });

  it("rejects an absentee who is not registered", async () => {
    const [attending] = await twoPeople();
    const error = await failure(holdMeeting, meeting([attending], [randomUUID()]));
    expect(error).toMatchObject({ _tag: "person-not-registered" });
  });

  it("takes next steps only with a registered owner", async () => {
    const [attending, absent] = await twoPeople();
    const { id: meetingId } = await ok(holdMeeting, meeting([attending], [absent]));
    const step = { meetingId, text: "Möte i november", due: "2024-11-30" };
    await ok(agreeNextStep, { ...step, ownerId: absent });
    await ok(agreeNextStep, step);
    const error = await failure(agreeNextStep, { ...step, ownerId: randomUUID() });
    expect(error).toMatchObject({ _tag: "person-not-registered" });
  });

  it("answers a decision with its decisionId", async () => {
    const { id: meetingId } = await ok(holdMeeting, await attended());
    const decision = { meetingId, subject: "Budget 2025", decision: "Godkänns", kind: "budget" as const };
    const result = await ok(recordDecision, decision);
    expect(result.id).not.toBe(meetingId);
    const [, recorded] = await eventsOf(result.streamId);
    expect(recorded?.data).toMatchObject({ decisionId: result.id, kind: "budget" as const });
  });

  it("approves the minutes today, then takes corrections only", async () => {
    const { id: meetingId, streamId } = await ok(holdMeeting, await attended());
    await ok(approveMinutes, { meetingId });
    expect((await eventsOf(streamId)).at(-1)?.data).toEqual({ on: calendarDate(new Date()) });
    const comment = { meetingId, topic: "Att leda i samverkan", comment: "Roller glider in i varandra" };
    expect(await failure(recordComment, comment)).toMatchObject({ _tag: "minutes-frozen" });
    expect(await failure(approveMinutes, { meetingId })).toMatchObject({ _tag: "minutes-already-approved" });
    const result = await ok(correctMinutes, { meetingId, correction: "Mötet började 13.00", reason: "Fel tid" });
    expect(result).toMatchObject({ id: meetingId, revision: 2 });
  });

  it("is for the Core Team only", async () => {
    expect(await failure(holdMeeting, await attended(), admin)).toMatchObject({ _tag: "Forbidden" });
  });
});

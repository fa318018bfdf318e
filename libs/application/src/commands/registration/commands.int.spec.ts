import { randomUUID } from "node:crypto";
import { REGISTRATION_STREAM } from "#domain";
import type { EventStore } from "#event-store";
import type { KeyStore } from "#privacy";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { actingAs, useCommandRuntime } from "../../../testing/command-runtime.js";
import { registeredPeople } from "../../../testing/people.js";
import { coreTeam } from "../../../testing/principals.js";
import { executeCommand } from "../../execute-command.js";
import { RegistrationSeries } from "../../registration-series.js";
import { holdMeeting, planMeeting, recordDecision } from "../meeting/commands.js";
import { registerDecision, registerMinutes } from "./commands.js";

const runtime = useCommandRuntime();
const { ok, failure } = actingAs(runtime, coreTeam);
const numbers = async () =>
  (await Effect.runPromise(runtime.store.readStream(REGISTRATION_STREAM))).map(
    (event) => (event.data as { number: string }).number,
  );
const meeting = async (heldOn: string) =>
  ok(holdMeeting, {
    body: "core-team",
    focusArea: "alla-barn-och-unga-lyckas",
    heldOn,
    attendees: await registeredPeople(runtime, "Deltagare Västerås 1"),
    absentees: [],
    agenda: [],
  });

describe("registration numbers", () => {
  it("numbers minutes and decisions in the year the meeting was held, 1, 2, 3 ..., in the configured series", async () => {
    const september = (await meeting("2024-09-19")).id;
    const decision = (
      await ok(recordDecision, { meetingId: september, subject: "Budget 2025", decision: "Godkänns", kind: "budget" })
    ).id;
    const january = (await meeting("2025-01-20")).id;
    const inSeries = <A, E>(effect: Effect.Effect<A, E, EventStore | KeyStore>) =>
      runtime.runtime.runPromise(Effect.provideService(effect, RegistrationSeries, { pattern: "SHK {year}/{n}" }));
    const first = await inSeries(executeCommand(registerMinutes, { input: { meetingId: september }, principal: coreTeam }));
    expect(first).toMatchObject({ id: september, created: false, revision: 0 });
    await inSeries(
      executeCommand(registerDecision, { input: { meetingId: september, decisionId: decision }, principal: coreTeam }),
    );
    await inSeries(executeCommand(registerMinutes, { input: { meetingId: january }, principal: coreTeam }));
    // Without a configured series: the default.
    const laterMeeting = (await meeting("2024-11-28")).id;
    await ok(registerMinutes, { meetingId: laterMeeting });
    expect(await numbers()).toEqual(["SHK 2024/1", "SHK 2024/2", "SHK 2025/1", "2024/3"]);
    expect(await failure(registerMinutes, { meetingId: september })).toMatchObject({
      _tag: "registration-number-already-assigned",
    });
  });

  it("assigns concurrent requests distinct numbers without gaps", async () => {
    const meetings = await Promise.all(Array.from({ length: 8 }, () => meeting("2024-09-19")));
    await Promise.all(meetings.map(({ id }) => ok(registerMinutes, { meetingId: id })));
    expect((await numbers()).sort((a, b) => Number(a.split("/")[1]) - Number(b.split("/")[1]))).toEqual(
      Array.from({ length: 8 }, (_, i) => `2024/${i + 1}`),
    );
  });

  it("answers a meeting or decision that does not exist as missing, and refuses a meeting only planned", async () => {
    expect(await failure(registerMinutes, { meetingId: randomUUID() })).toMatchObject({ _tag: "ResourceNotFound" });
    const { id: meetingId } = await meeting("2024-09-19");
    expect(await failure(registerDecision, { meetingId, decisionId: randomUUID() })).toMatchObject({ _tag: "ResourceNotFound" });
    const planned = await ok(planMeeting, {
      body: "core-team",
      focusArea: "alla-barn-och-unga-lyckas",
      plannedOn: "2024-11-28",
      agenda: [],
    });
    expect(await failure(registerMinutes, { meetingId: planned.id })).toMatchObject({ _tag: "meeting-not-yet-held" });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  UNKNOWN_ID,
  after,
  expectProblem,
  expectWrite,
  meetingBody,
  ok,
  seedInitiative,
} from "./support/fixtures.js";
import { type ApiClient, runUntilExit, serverForFile } from "./support/mandat-server.js";

/**
 * Registration numbers (diarienummer) in the series the deployment configures
 * (MANDAT_REGISTRATION_SERIES, docs/api.md "Configuration"), through the built server.
 */
let core: ApiClient;

let attendee: string;

serverForFile(({ core: client }) => (core = client), { demo: "off", env: { MANDAT_REGISTRATION_SERIES: "SHK {year}/{n}" } });

beforeAll(async () => {
  attendee = (await seedInitiative(core, "Diarieföring")).personId;
});

describe("registration numbers", () => {
  it("POST /meetings/{id}/decisions/{decisionId}/registration and /meetings/{id}/registration: 200; the minutes show SHK 2024/1 and 2", async () => {
    const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([attendee], { heldOn: "2024-09-19" }))).id;
    const decisionId = ok(
      await core.post(`/api/v1/meetings/${meetingId}/decisions`, {
        subject: "Budget 2025",
        decision: "Godkänns",
        kind: "budget",
      }),
    ).id;
    const decision = expectWrite(await core.post(`/api/v1/meetings/${meetingId}/decisions/${decisionId}/registration`, {}), 200);
    expect(decision.id).toBe(decisionId);
    const minutes = expectWrite(await core.post(`/api/v1/meetings/${meetingId}/registration`, {}), 200);
    expect(minutes.id).toBe(meetingId);
    expect(minutes.revision).toBe(decision.revision + 1);

    const read = await core.get(after(`/api/v1/meetings/${meetingId}`, minutes.position));
    expect(read.body.registrationNumber).toBe("SHK 2024/2");
    expect(read.body.decisions[0]).toMatchObject({ decisionId, registrationNumber: "SHK 2024/1" });

    // The next meeting of 2025 starts its year at 1.
    const january = ok(
      await core.post("/api/v1/meetings", meetingBody([attendee], { heldOn: "2025-01-20", focusArea: FOCUS_AREA })),
    ).id;
    const next = expectWrite(await core.post(`/api/v1/meetings/${january}/registration`, {}), 200);
    expect((await core.get(after(`/api/v1/meetings/${january}`, next.position))).body.registrationNumber).toBe("SHK 2025/1");
  });

  it("gives a number once (409), and answers an unknown meeting or decision 404", async () => {
    const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([attendee], { heldOn: "2024-10-01" }))).id;
    ok(await core.post(`/api/v1/meetings/${meetingId}/registration`, {}));
    expectProblem(
      await core.post(`/api/v1/meetings/${meetingId}/registration`, {}),
      409,
      "/problems/registration-number-already-assigned",
    );
    expectProblem(await core.post(`/api/v1/meetings/${UNKNOWN_ID}/registration`, {}), 404, "/problems/not-found");
    expectProblem(
      await core.post(`/api/v1/meetings/${meetingId}/decisions/${UNKNOWN_ID}/registration`, {}),
      404,
      "/problems/not-found",
    );
  });

  it("refuses to start with a series without {n}: exit 78 naming the variable", async () => {
    const { exitCode, output, timedOut } = await runUntilExit({ demo: "off", env: { MANDAT_REGISTRATION_SERIES: "SHK {year}" } });
    expect(timedOut).toBe(false);
    expect(exitCode).toBe(78);
    expect(output).toMatch(/MANDAT_REGISTRATION_SERIES/);
  });
});

import { describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  INITIATIVES as I,
  UNKNOWN_ID,
  after,
  appendsNothing,
  expectProblem,
  expectWrite,
  mandateBody,
  ok,
  seedInitiative,
  stockholmDate,
} from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";
import { coreTeamClient, personIdOf } from "./support/people.js";

/**
 * Meetings kept as Swedish minutes (docs/api.md "Meetings"): a planned meeting, its chair,
 * secretary and two adjusters, § on agenda items and decisions, approval when both adjusters
 * have adjusted, next steps done or dropped and the open ones across meetings, and delegation
 * decisions reported to a meeting. Every endpoint these add, through the built server.
 */
let core: ApiClient;
let auditor: ApiClient;
let admin: ApiClient;
let url: string;

serverForFile((started) => {
  ({ core, auditor, admin } = started);
  url = started.server.url;
});

/** A client signed in as the Core Team member `personId` (a login linked to them, a membership in the log). */
const memberClient = (personId: string) => coreTeamClient(url, admin, personId);

let people: { chair: string; secretary: string; adjusterA: string; adjusterB: string };
let meetingId: string;
let lastPosition = 0;
const track = (position: number) => (lastPosition = Math.max(lastPosition, position));
const today = stockholmDate(new Date());

describe("a planned meeting", () => {
  it("POST /meetings/planned plans a meeting with an agenda built from open items: 201; GET shows it planned with § 1, § 2", async () => {
    const organisationId = ok(await core.post("/api/v1/organisations", { name: "Västerås stad", kind: "municipality" })).id;
    const person = async (name: string) => ok(await core.post("/api/v1/people", { organisationId, name })).id;
    people = {
      chair: await person("Deltagare Västerås 1"),
      secretary: await person("Deltagare Västerås 2"),
      adjusterA: await person("Deltagare Västerås 3"),
      adjusterB: await person("Deltagare Västerås 4"),
    };
    const tensionId = UNKNOWN_ID;
    const planned = expectWrite(
      await core.post("/api/v1/meetings/planned", {
        body: "core-team",
        focusArea: FOCUS_AREA,
        plannedOn: "2025-01-20",
        agenda: [{ title: "Uppdateringar" }, { title: "Budget 2025" }, { title: "Linjen och samverkan", source: { tensionId } }],
      }),
      201,
    );
    meetingId = planned.id;
    const minutes = await core.get(after(`/api/v1/meetings/${meetingId}`, track(planned.position)));
    expect(minutes.status).toBe(200);
    expect(minutes.body).toMatchObject({
      status: "planned",
      plannedOn: "2025-01-20",
      heldOn: null,
      agenda: ["Uppdateringar", "Budget 2025", "Linjen och samverkan"],
      approved: false,
    });
    expect(minutes.body.agendaItems[2]).toEqual({ paragraph: 3, title: "Linjen och samverkan", source: { tensionId } });
  });

  it("GET /meetings?status=planned lists it, by the day planned for, while GET /meetings (held) does not", async () => {
    const planned = await core.get(after("/api/v1/meetings?status=planned&from=2025-01-20&to=2025-01-20", lastPosition));
    expect(planned.body).toEqual([
      {
        id: meetingId,
        body: "core-team",
        focusArea: FOCUS_AREA,
        plannedOn: "2025-01-20",
        heldOn: null,
        recordedAt: expect.any(String),
      },
    ]);
    const held = await core.get(after("/api/v1/meetings", lastPosition));
    expect(held.body.map((meeting: { id: string }) => meeting.id)).not.toContain(meetingId);
  });

  it("POST /meetings/{id}/officers names chair, secretary and two adjusters: 200; two equal adjusters: 409", async () => {
    const written = expectWrite(
      await core.post(`/api/v1/meetings/${meetingId}/officers`, {
        chairId: people.chair,
        secretaryId: people.secretary,
        adjusterIds: [people.adjusterA, people.adjusterB],
      }),
      200,
    );
    expect(written.id).toBe(meetingId);
    track(written.position);
    await appendsNothing(auditor, async () =>
      expectProblem(
        await core.post(`/api/v1/meetings/${meetingId}/officers`, {
          chairId: people.chair,
          secretaryId: people.secretary,
          adjusterIds: [people.adjusterA, people.adjusterA],
        }),
        409,
        "/problems/adjusters-not-distinct",
      ),
    );
  });

  it("a planned meeting takes no decision: 409 meeting-not-yet-held, titled in Swedish on request", async () => {
    const problem = expectProblem(
      await core.post(
        `/api/v1/meetings/${meetingId}/decisions`,
        { subject: "Budget 2025", decision: "Godkänns", kind: "budget" },
        { "accept-language": "sv" },
      ),
      409,
      "/problems/meeting-not-yet-held",
    );
    expect(problem.title).toBe("Mötet är planerat men har inte hållits än");
  });

  it("POST /meetings/{id}/held records it held with the plan's agenda: 200; again: 409", async () => {
    const held = expectWrite(
      await core.post(`/api/v1/meetings/${meetingId}/held`, {
        heldOn: "2025-01-20",
        attendees: Object.values(people),
        absentees: [],
      }),
      200,
    );
    const minutes = await core.get(after(`/api/v1/meetings/${meetingId}`, track(held.position)));
    // Held, it leaves the planned list for the held one, where it keeps the day it was planned for.
    expect((await core.get(after("/api/v1/meetings?status=planned", lastPosition))).body).not.toContainEqual(
      expect.objectContaining({ id: meetingId }),
    );
    expect((await core.get(after("/api/v1/meetings?from=2025-01-20&to=2025-01-20", lastPosition))).body).toEqual([
      expect.objectContaining({ id: meetingId, plannedOn: "2025-01-20", heldOn: "2025-01-20" }),
    ]);
    expect(minutes.body).toMatchObject({
      status: "held",
      heldOn: "2025-01-20",
      chairId: people.chair,
      secretaryId: people.secretary,
      adjusterIds: [people.adjusterA, people.adjusterB],
    });
    expectProblem(
      await core.post(`/api/v1/meetings/${meetingId}/held`, { heldOn: "2025-01-20", attendees: [], absentees: [] }),
      409,
      "/problems/meeting-already-held",
    );
  });
});

describe("§ and next steps", () => {
  let nextSteps: string[];

  it("POST /meetings/{id}/decisions takes the § of its agenda item: 201; a § beyond the agenda: 409", async () => {
    track(
      expectWrite(
        await core.post(`/api/v1/meetings/${meetingId}/decisions`, {
          subject: "Budget 2025",
          decision: "Budgeten godkänns",
          kind: "budget",
          paragraph: 2,
        }),
        201,
      ).position,
    );
    expectProblem(
      await core.post(`/api/v1/meetings/${meetingId}/decisions`, { subject: "X", decision: "Y", kind: "other", paragraph: 4 }),
      409,
      "/problems/paragraph-not-on-agenda",
    );
    const minutes = await core.get(after(`/api/v1/meetings/${meetingId}`, lastPosition));
    expect(minutes.body.decisions).toMatchObject([{ subject: "Budget 2025", paragraph: 2 }]);
  });

  it("POST /meetings/{id}/next-steps/{nextStepId}/completion and /drop: 200; GET /next-steps lists the open ones on at", async () => {
    nextSteps = [];
    for (const text of ["Möte i november", "Kartlägg styrande sammanhang", "Studiebesök"]) {
      nextSteps.push(ok(await core.post(`/api/v1/meetings/${meetingId}/next-steps`, { text, due: "2025-11-30" })).id);
    }
    const [done, dropped, open] = nextSteps as [string, string, string];
    const completed = expectWrite(
      await core.post(`/api/v1/meetings/${meetingId}/next-steps/${done}/completion`, { on: "2025-02-01" }),
      200,
    );
    expect(completed.id).toBe(meetingId);
    const drop = expectWrite(
      await core.post(`/api/v1/meetings/${meetingId}/next-steps/${dropped}/drop`, { on: "2025-02-03", reason: "Görs i linjen" }),
      200,
    );
    track(drop.position);
    expectProblem(
      await core.post(`/api/v1/meetings/${meetingId}/next-steps/${done}/drop`, { on: "2025-02-03", reason: "x" }),
      409,
      "/problems/next-step-closed",
    );
    expectProblem(await core.post(`/api/v1/meetings/${meetingId}/next-steps/${UNKNOWN_ID}/completion`, { on: today }), 404);

    const openOn = async (at: string) =>
      ((await auditor.get(after(`/api/v1/next-steps?at=${at}&focusArea=${FOCUS_AREA}`, lastPosition))).body as any[]).map(
        (step) => step.nextStepId,
      );
    expect(await openOn(today)).toEqual([open]);
    expect(await openOn("2025-02-02")).toEqual([dropped, open]);
    expect(await openOn("2025-01-31")).toEqual([done, dropped, open]);
    expect(await openOn("2025-01-19")).toEqual([]);
    const asOfBefore = await auditor.get(`/api/v1/next-steps?at=${today}&asOf=2001-01-01`);
    expect(asOfBefore.body).toEqual([]);
    const minutes = await core.get(`/api/v1/meetings/${meetingId}?at=2025-02-02`);
    expect(minutes.body.nextSteps.map((step: any) => step.status)).toEqual(["done", "open", "open"]);
  });
});

describe("delegation decisions", () => {
  it("GET /delegation-decisions lists a mandate granted without a meeting decision; POST /meetings/{id}/delegation-decisions reports it: 200", async () => {
    const { initiativeId } = await seedInitiative(core, "Drömfabriken");
    const granted = expectWrite(await core.post(`${I}/${initiativeId}/mandates`, mandateBody()), 201);
    const unreported = await auditor.get(after("/api/v1/delegation-decisions?status=unreported", track(granted.position)));
    expect(unreported.status).toBe(200);
    const mine = (unreported.body as any[]).filter((d) => d.initiativeId === initiativeId);
    expect(mine).toEqual([
      expect.objectContaining({
        initiativeId,
        revision: granted.revision,
        type: "MandateGranted",
        mandateId: granted.id,
        effectiveFrom: "2025-01-01",
        decidedBy: await personIdOf(core),
        decidedOn: today,
        reportedIn: [],
      }),
    ]);
    const reported = expectWrite(
      await core.post(`/api/v1/meetings/${meetingId}/delegation-decisions`, {
        decisions: [{ initiativeId, revision: granted.revision }],
      }),
      200,
    );
    expectProblem(
      await core.post(`/api/v1/meetings/${meetingId}/delegation-decisions`, {
        decisions: [{ initiativeId, revision: 0 }],
      }),
      409,
      "/problems/delegation-decision-not-found",
    );
    const after_ = await auditor.get(after("/api/v1/delegation-decisions", track(reported.position)));
    expect((after_.body as any[]).find((d) => d.initiativeId === initiativeId).reportedIn).toEqual([
      { meetingId, heldOn: "2025-01-20" },
    ]);
    const unreportedNow = await auditor.get("/api/v1/delegation-decisions?status=unreported");
    expect((unreportedNow.body as any[]).some((d) => d.initiativeId === initiativeId)).toBe(false);
    const minutes = await core.get(`/api/v1/meetings/${meetingId}`);
    expect(minutes.body.reportedDelegationDecisions).toEqual([{ initiativeId, revision: granted.revision }]);
  });
});

describe("adjusting the minutes", () => {
  it("POST /meetings/{id}/approval is refused once adjusters are named: 409", async () => {
    expectProblem(await core.post(`/api/v1/meetings/${meetingId}/approval`, {}), 409, "/problems/minutes-approved-by-adjusters");
  });

  it("POST /meetings/{id}/adjustment: only the two adjusters, each as themselves; with both, the minutes are approved today", async () => {
    const chair = await memberClient(people.chair);
    expectProblem(await chair.post(`/api/v1/meetings/${meetingId}/adjustment`, {}), 409, "/problems/not-an-adjuster");
    expectProblem(await core.post(`/api/v1/meetings/${meetingId}/adjustment`, {}), 409, "/problems/not-an-adjuster");

    const first = expectWrite(
      await (await memberClient(people.adjusterA)).post(`/api/v1/meetings/${meetingId}/adjustment`, {}),
      200,
    );
    const halfway = await core.get(after(`/api/v1/meetings/${meetingId}`, track(first.position)));
    expect(halfway.body).toMatchObject({
      status: "held",
      approved: false,
      adjustments: [{ adjusterId: people.adjusterA, on: today }],
    });
    expectProblem(
      await core.post(`/api/v1/meetings/${meetingId}/comments`, { topic: "Budget", comment: "Sent tillägg" }),
      409,
      "/problems/minutes-under-adjustment",
    );

    const second = expectWrite(
      await (await memberClient(people.adjusterB)).post(`/api/v1/meetings/${meetingId}/adjustment`, {}),
      200,
    );
    const approved = await core.get(after(`/api/v1/meetings/${meetingId}`, track(second.position)));
    expect(approved.body).toMatchObject({ status: "approved", approved: true, approvedOn: today });
    expect(approved.body.adjustments).toHaveLength(2);
    // As known when only the first had adjusted, the minutes were not approved.
    const recordedAt = (approved.body.adjustments as any[])[1].recordedAt as string;
    const known = await core.get(
      `/api/v1/meetings/${meetingId}?asOf=${encodeURIComponent(new Date(Date.parse(recordedAt) - 1).toISOString())}`,
    );
    expect(known.body).toMatchObject({ status: "held", approved: false });
  });

  it("the OpenAPI document lists every endpoint these add", async () => {
    const document = (await auditor.get("/docs/openapi.json")).body as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(operations).toEqual(
      expect.arrayContaining([
        "planMeeting",
        "holdPlannedMeeting",
        "appointMeetingOfficers",
        "adjustMinutes",
        "completeNextStep",
        "dropNextStep",
        "reportDelegationDecisions",
        "openNextSteps",
        "delegationDecisions",
        "agendaCandidates",
        "registerMinutes",
        "registerDecision",
      ]),
    );
  });
});

describe("the next meeting's agenda", () => {
  it("GET /agenda-candidates offers the open items; POST /meetings/planned takes them as its agenda", async () => {
    const tension = ok(
      await core.post("/api/v1/tensions", {
        initiativeIds: [],
        category: "roles",
        description: "Roller glider in i varandra",
        intensity: 3,
        raisedOn: "2025-01-20",
      }),
    );
    const candidates = await core.get(after(`/api/v1/agenda-candidates?focusArea=${FOCUS_AREA}`, track(tension.position)));
    expect(candidates.status).toBe(200);
    const items = candidates.body as Array<{ kind: string; title: string; source: unknown }>;
    expect(items.map((item) => item.kind)).toEqual(["tension", "next-step"]);
    expect(items[0]).toMatchObject({ title: "Roller glider in i varandra", source: { tensionId: tension.id } });
    // Before the tension was raised and the next step agreed, nothing was open.
    expect((await core.get(`/api/v1/agenda-candidates?at=2025-01-19&focusArea=${FOCUS_AREA}`)).body).toEqual([]);

    const planned = expectWrite(
      await core.post("/api/v1/meetings/planned", {
        body: "core-team",
        focusArea: FOCUS_AREA,
        plannedOn: "2025-11-27",
        agenda: items.map(({ title, source }) => ({ title, source })),
      }),
      201,
    );
    const minutes = await core.get(after(`/api/v1/meetings/${planned.id}`, planned.position));
    expect(minutes.body.agendaItems.map((item: any) => [item.paragraph, item.source])).toEqual(
      items.map((item, index) => [index + 1, item.source]),
    );
  });
});

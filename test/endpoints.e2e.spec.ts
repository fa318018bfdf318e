import { describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  INITIATIVES as I,
  after,
  checkInBody,
  expectWrite,
  isDate,
  isInstant,
  isUuid,
  mandateBody,
  meetingBody,
  ok,
  seedInitiative,
  signalBody,
  tensionBody,
} from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";
import { personIdOf } from "./support/people.js";

/**
 * Every endpoint of docs/api.md "Endpoints" at least once, with
 * the answer shapes it names, 201 vs 200, ETag and Log-Position.
 *
 * One server for the file; each test writes what it needs through the set-ups below and
 * reads only what it wrote, so a failing test leaves the others standing.
 */
let core: ApiClient;
let admin: ApiClient;
let auditor: ApiClient;
let anonymous: ApiClient;

serverForFile((started) => ({ core, admin, auditor, anonymous } = started));

// ---------------------------------------------------------------------------------------
// Set-ups: what a test needs, written fresh for it (the endpoints they use are tested below).
// ---------------------------------------------------------------------------------------

const anOrganisation = async (name = "Västerås stad") =>
  ok(await core.post("/api/v1/organisations", { name, kind: "municipality" })).id;

const aContext = async (organisationId: string) =>
  ok(
    await core.post(`/api/v1/organisations/${organisationId}/governing-contexts`, {
      name: "Barn- och ungdomsnämnden",
      kind: "committee",
      description: "Nämnden för förskola och skola",
    }),
  ).id;

const aPerson = async (organisationId: string, name = "Deltagare Västerås") =>
  ok(await core.post("/api/v1/people", { organisationId, name })).id;

/** An organisation, a person of it and an initiative of it, without goals: the initiative at revision 0. */
const aRegisteredInitiative = async () => {
  const organisationId = await anOrganisation();
  const personId = await aPerson(organisationId);
  const written = ok(
    await core.post(I, {
      name: "Drömfabriken",
      focusArea: FOCUS_AREA,
      description: "En mötesplats",
      organisationIds: [organisationId],
    }),
  );
  return { organisationId, personId, initiativeId: written.id, position: written.position };
};

/** A seeded initiative (with an active goal) and a mandate 2025-01-01..2025-12-31, amended from June and renewed to 2026-06-30. */
const anAmendedAndRenewedMandate = async () => {
  const seeded = await seedInitiative(core);
  const mandates = `${I}/${seeded.initiativeId}/mandates`;
  const mandateId = ok(await core.post(mandates, mandateBody())).id;
  ok(
    await core.post(`${mandates}/${mandateId}/amendments`, {
      changes: { scope: ["Fritid för barn 10–18 år"], budgetSek: 300_000 },
      reason: "Utvidgad målgrupp",
      effectiveFrom: "2025-06-01",
    }),
  );
  const renewed = ok(await core.post(`${mandates}/${mandateId}/renewal`, { validUntil: "2026-06-30" }));
  return { seeded, mandateId, renewed };
};

/** A meeting held on `heldOn` that recorded one budget decision. */
const aBudgetDecision = async (heldOn: string) => {
  const organisationId = await anOrganisation();
  const attendee = await aPerson(organisationId);
  const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([attendee], { heldOn }))).id;
  const decisionId = ok(
    await core.post(`/api/v1/meetings/${meetingId}/decisions`, {
      subject: "Budget",
      decision: "Budgeten godkänns",
      kind: "budget",
    }),
  ).id;
  return { meetingId, decisionId };
};

/**
 * The budget of FOCUS_AREA for `year`, proposed for `initiativeId` and approved by a budget
 * decision of a meeting held on `heldOn`: by default in the November before the year, which
 * has passed for the years these tests budget (a meeting cannot be recorded as held ahead).
 */
const anApprovedBudget = async (year: number, initiativeId: string, heldOn = `${year - 1}-11-20`) => {
  const decision = await aBudgetDecision(heldOn);
  ok(
    await core.post(`/api/v1/budgets/${FOCUS_AREA}/${year}/proposal`, {
      lines: [
        { purpose: "Drömfabriken", initiativeId, amountSek: 300_000 },
        { purpose: "Samordning", amountSek: 200_000 },
      ],
    }),
  );
  const approved = ok(await core.post(`/api/v1/budgets/${FOCUS_AREA}/${year}/approval`, { decision }));
  return { decision, approved };
};

/** Amends the budget of `year` by its own decision, records external funding and a value reflection. */
const amendFundAndReflect = async (year: number, initiativeId: string, decision: { meetingId: string; decisionId: string }) => {
  const budget = `/api/v1/budgets/${FOCUS_AREA}/${year}`;
  const amended = expectWrite(
    await core.post(`${budget}/amendments`, {
      lines: [
        { purpose: "Drömfabriken", initiativeId, amountSek: 350_000 },
        { purpose: "Samordning", amountSek: 200_000 },
      ],
      reason: "Mer till Drömfabriken",
      decision,
    }),
    200,
  );
  const funding = expectWrite(
    await core.post(`${budget}/external-funding`, {
      source: "Allmänna arvsfonden",
      amountSek: 100_000,
      initiativeId,
      on: `${year}-04-01`,
    }),
    201,
  );
  const reflection = expectWrite(
    await core.post(`${budget}/value-reflections`, { reflection: "God effekt", valueRating: 4, on: `${year}-12-01` }),
    200,
  );
  return { amended, funding, reflection };
};

describe("organisations and people", () => {
  it("POST /organisations registers an organisation: 201 with ETag and Log-Position", async () => {
    const written = expectWrite(await admin.post("/api/v1/organisations", { name: "Västerås stad", kind: "municipality" }), 201);
    expect(isUuid(written.id)).toBe(true);
    expect(written.revision).toBe(0);
    const byCore = expectWrite(
      await core.post("/api/v1/organisations", { name: "Mälardalens universitet", kind: "university" }),
      201,
    );
    expect(byCore.id).not.toBe(written.id);
  });

  it("POST /organisations/{id}/governing-contexts maps a context: 201, the id is the contextId", async () => {
    const organisationId = await anOrganisation();
    const written = expectWrite(
      await core.post(`/api/v1/organisations/${organisationId}/governing-contexts`, {
        name: "Barn- och ungdomsnämnden",
        kind: "committee",
        description: "Nämnden för förskola och skola",
      }),
      201,
    );
    expect(isUuid(written.id)).toBe(true);
    expect(written.id).not.toBe(organisationId);
    expect(written.revision).toBe(1);
  });

  it("GET /organisations and /organisations/{id}/governing-contexts (not in API.md v1) list them", async () => {
    const organisationId = await anOrganisation();
    const contextId = await aContext(organisationId);
    const position = ok(await core.post("/api/v1/organisations", { name: "Ännu en", kind: "other" })).position;
    const list = await core.get(after("/api/v1/organisations", position));
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(JSON.stringify(list.body)).toContain(organisationId);
    const contexts = await core.get(after(`/api/v1/organisations/${organisationId}/governing-contexts`, position));
    expect(contexts.status).toBe(200);
    expect(JSON.stringify(contexts.body)).toContain(contextId);
    expect(JSON.stringify(contexts.body)).toContain("Barn- och ungdomsnämnden");
    // As known before the organisation was registered, it is unknown, not one without contexts.
    expect((await core.get(`/api/v1/organisations/${organisationId}/governing-contexts?asOf=2001-01-01`)).status).toBe(404);
  });

  it("POST /people registers a person: 201; GET /people/{id} (not in API.md v1) opens the name", async () => {
    const organisationId = await anOrganisation();
    const written = expectWrite(
      await admin.post("/api/v1/people", { organisationId, name: "Deltagare Västerås 1", email: "d1@example.org" }),
      201,
    );
    const person = await core.get(after(`/api/v1/people/${written.id}`, written.position));
    expect(person.status).toBe(200);
    expect(person.body).toMatchObject({ id: written.id, organisationId, name: "Deltagare Västerås 1", erased: false });
  });

  it("POST /people/{id}/core-team-membership and .../end (not in API.md v1): 200", async () => {
    const personId = await aPerson(await anOrganisation());
    const started = expectWrite(
      await core.post(`/api/v1/people/${personId}/core-team-membership`, { focusArea: FOCUS_AREA, on: "2024-06-01" }),
      200,
    );
    expect(started.id).toBe(personId);
    const ended = expectWrite(
      await core.post(`/api/v1/people/${personId}/core-team-membership/end`, { focusArea: FOCUS_AREA, on: "2025-06-01" }),
      200,
    );
    expect(ended.revision).toBe(started.revision + 1);
  });

  it("POST /people/{id}/erasure (not in API.md v1): 200, the name reads as a placeholder", async () => {
    const erasedId = await aPerson(await anOrganisation(), "Att radera");
    const written = expectWrite(await admin.post(`/api/v1/people/${erasedId}/erasure`, {}), 200);
    expect(written.id).toBe(erasedId);
    const person = await core.get(after(`/api/v1/people/${erasedId}`, written.position));
    expect(person.status).toBe(200);
    expect(person.body.erased).toBe(true);
    expect(person.body.name).not.toBe("Att radera");
  });
});

describe("initiatives", () => {
  it("POST /initiatives registers an initiative: 201", async () => {
    const organisationIds = [await anOrganisation(), await anOrganisation("Mälardalens universitet")];
    const written = expectWrite(
      await core.post(I, { name: "Drömfabriken", focusArea: FOCUS_AREA, description: "En kreativ mötesplats", organisationIds }),
      201,
    );
    expect(isUuid(written.id)).toBe(true);
    expect(written.revision).toBe(0);
  });

  it("GET /initiatives lists `[{ id, name, status, ... }]`", async () => {
    const { initiativeId, position } = await aRegisteredInitiative();
    const list = await core.get(after(I, position));
    expect(list.status).toBe(200);
    const item = (list.body as any[]).find((i) => i.id === initiativeId);
    expect(item).toMatchObject({ id: initiativeId, name: "Drömfabriken", status: "open" });
  });

  it("POST /initiatives/{id}/leads assigns a lead: 200, the id is the personId", async () => {
    const { initiativeId, personId } = await aRegisteredInitiative();
    const written = expectWrite(await admin.post(`${I}/${initiativeId}/leads`, { personId, role: "lead" }), 200);
    expect(written.id).toBe(personId);
    expect(written.revision).toBe(1);
  });

  it("POST /initiatives/{id}/leads/{personId}/unassignment (not in API.md v1): 200", async () => {
    const { initiativeId, organisationId, personId } = await aRegisteredInitiative();
    const secondPersonId = await aPerson(organisationId, "Deltagare Västerås 2");
    ok(await core.post(`${I}/${initiativeId}/leads`, { personId, role: "lead" }));
    ok(await core.post(`${I}/${initiativeId}/leads`, { personId: secondPersonId, role: "co-lead" }));
    const written = expectWrite(
      await core.post(`${I}/${initiativeId}/leads/${secondPersonId}/unassignment`, { reason: "Bytt uppdrag" }),
      200,
    );
    expect(written.id).toBe(secondPersonId);
    const overview = await core.get(after(`${I}/${initiativeId}`, written.position));
    expect(overview.body.leads.map((l: any) => l.personId)).toEqual([personId]);
  });

  it("POST /initiatives/{id}/governing-contexts links a context: 200, the id is the contextId; GET lists it", async () => {
    const { initiativeId, organisationId } = await aRegisteredInitiative();
    const contextId = await aContext(organisationId);
    const written = expectWrite(
      await core.post(`${I}/${initiativeId}/governing-contexts`, { organisationId, contextId, relation: "decides" }),
      200,
    );
    expect(written.id).toBe(contextId);
    const linked = await core.get(after(`${I}/${initiativeId}/governing-contexts`, written.position));
    expect(linked.status).toBe(200);
    expect(JSON.stringify(linked.body)).toContain(contextId);
  });

  it("POST .../governing-contexts/{contextId}/unlinking and the organisation's .../retirement (not in API.md v1): 200", async () => {
    const { initiativeId, organisationId } = await aRegisteredInitiative();
    const contextId = await aContext(organisationId);
    ok(await core.post(`${I}/${initiativeId}/governing-contexts`, { organisationId, contextId, relation: "decides" }));
    const unlinked = expectWrite(
      await core.post(`${I}/${initiativeId}/governing-contexts/${contextId}/unlinking`, {
        organisationId,
        reason: "Ny struktur",
      }),
      200,
    );
    expect(unlinked.id).toBe(contextId);
    const retired = expectWrite(
      await admin.post(`/api/v1/organisations/${organisationId}/governing-contexts/${contextId}/retirement`, {
        reason: "Nedlagd",
      }),
      200,
    );
    expect(retired.id).toBe(contextId);
    const linked = await core.get(after(`${I}/${initiativeId}/governing-contexts`, retired.position));
    expect(linked.status).toBe(200);
    expect(JSON.stringify(linked.body)).not.toContain(contextId);
  });
});

describe("goals", () => {
  const goalBody = { statement: "Fler unga i fritidsverksamhet", indicator: "Antal deltagare", targetDate: "2025-12-31" };
  const revision = { statement: "Fler unga 10–15 år i fritidsverksamhet", reason: "Skarpare" };

  it("POST /initiatives/{id}/goals sets a goal: 201, the id is the goalId", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const written = expectWrite(await core.post(`${I}/${initiativeId}/goals`, goalBody), 201);
    expect(isUuid(written.id)).toBe(true);
    expect(written.id).not.toBe(initiativeId);
  });

  it("POST .../goals/{goalId}/revisions: 200", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const goalId = ok(await core.post(`${I}/${initiativeId}/goals`, goalBody)).id;
    const written = expectWrite(await core.post(`${I}/${initiativeId}/goals/${goalId}/revisions`, revision), 200);
    expect(written.id).toBe(goalId);
  });

  it("POST .../goals/{goalId}/achievement and .../drop: 200; GET .../goals (not in API.md v1) has every version", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const goalId = ok(await core.post(`${I}/${initiativeId}/goals`, goalBody)).id;
    ok(await core.post(`${I}/${initiativeId}/goals/${goalId}/revisions`, revision));
    const achievedGoal = ok(await core.post(`${I}/${initiativeId}/goals`, { statement: "Ett första öppet hus" })).id;
    const achieved = expectWrite(
      await core.post(`${I}/${initiativeId}/goals/${achievedGoal}/achievement`, {
        evidence: "Öppet hus hölls",
        on: "2025-03-01",
      }),
      200,
    );
    expect(achieved.id).toBe(achievedGoal);
    const droppedGoal = ok(await core.post(`${I}/${initiativeId}/goals`, { statement: "Ett mål som slopas" })).id;
    const dropped = expectWrite(
      await core.post(`${I}/${initiativeId}/goals/${droppedGoal}/drop`, { reason: "Inte längre relevant" }),
      200,
    );
    expect(dropped.id).toBe(droppedGoal);

    const history = await core.get(after(`${I}/${initiativeId}/goals`, dropped.position));
    expect(history.status).toBe(200);
    const changes = (history.body as any[]).map(
      (v) => `${v.goalId === goalId ? "g" : v.goalId === achievedGoal ? "a" : "d"}:${v.change}`,
    );
    expect(changes).toEqual(["g:set", "g:revised", "a:set", "a:achieved", "d:set", "d:dropped"]);
  });
});

describe("mandates", () => {
  it("POST /initiatives/{id}/mandates grants a mandate: 201, the id is the mandateId", async () => {
    const { initiativeId } = await seedInitiative(core);
    const written = expectWrite(await core.post(`${I}/${initiativeId}/mandates`, mandateBody()), 201);
    expect(isUuid(written.id)).toBe(true);
    expect(written.id).not.toBe(initiativeId);
  });

  it("POST .../mandates/{mandateId}/amendments and /renewal: 200", async () => {
    const { initiativeId } = await seedInitiative(core);
    const mandateId = ok(await core.post(`${I}/${initiativeId}/mandates`, mandateBody())).id;
    const amended = expectWrite(
      await core.post(`${I}/${initiativeId}/mandates/${mandateId}/amendments`, {
        changes: { scope: ["Fritid för barn 10–18 år"], budgetSek: 300_000 },
        reason: "Utvidgad målgrupp",
        effectiveFrom: "2025-06-01",
      }),
      200,
    );
    expect(amended.id).toBe(mandateId);
    const renewed = expectWrite(
      await core.post(`${I}/${initiativeId}/mandates/${mandateId}/renewal`, { validUntil: "2026-06-30" }),
      200,
    );
    expect(renewed.id).toBe(mandateId);
    expect(renewed.revision).toBe(amended.revision + 1);
  });

  it("GET .../mandates is the history `[{ mandateId, version, scope, ..., recordedAt, decision }]`, oldest first", async () => {
    const { seeded, mandateId, renewed: last } = await anAmendedAndRenewedMandate();
    const history = await core.get(after(`${I}/${seeded.initiativeId}/mandates`, last.position));
    expect(history.status).toBe(200);
    expect(history.body).toHaveLength(3);
    for (const version of history.body as any[]) {
      expect(version.mandateId).toBe(mandateId);
      expect(Number.isInteger(version.version)).toBe(true);
      for (const list of ["scope", "boundaries", "principles"]) expect(Array.isArray(version[list])).toBe(true);
      expect(["broad", "detailed"]).toContain(version.steering);
      expect(version.budgetSek === null || Number.isInteger(version.budgetSek)).toBe(true);
      expect(isDate(version.validFrom)).toBe(true);
      expect(version.validUntil === null || isDate(version.validUntil)).toBe(true);
      expect(version).toHaveProperty("revokedFrom");
      expect(isInstant(version.recordedAt)).toBe(true);
      expect(version).toHaveProperty("decision");
    }
    const [granted, amended, renewed] = history.body as any[];
    expect(granted.version).toBeLessThan(amended.version);
    expect(amended.version).toBeLessThan(renewed.version);
    expect(granted).toMatchObject({
      scope: ["Fritid för barn 10–15 år"],
      budgetSek: 250_000,
      validUntil: "2025-12-31",
      revokedFrom: null,
      decision: null,
    });
    expect(amended).toMatchObject({ scope: ["Fritid för barn 10–18 år"], budgetSek: 300_000 });
    expect(renewed.validUntil).toBe("2026-06-30");
  });

  it("POST .../mandates/{mandateId}/revocation: 200, and the history records revokedFrom", async () => {
    const { seeded, mandateId } = await anAmendedAndRenewedMandate();
    const revoked = expectWrite(
      await core.post(`${I}/${seeded.initiativeId}/mandates/${mandateId}/revocation`, {
        reason: "Ersätts",
        effectiveFrom: "2026-03-01",
      }),
      200,
    );
    expect(revoked.id).toBe(mandateId);
    const history = await core.get(after(`${I}/${seeded.initiativeId}/mandates`, revoked.position));
    expect(history.body).toHaveLength(4);
    expect((history.body as any[]).at(-1).revokedFrom).toBe("2026-03-01");
  });
});

describe("check-ins", () => {
  it("POST /initiatives/{id}/check-in-cadence: 200", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const written = expectWrite(await core.post(`${I}/${initiativeId}/check-in-cadence`, { everyDays: 30 }), 200);
    expect(written.id).toBe(initiativeId);
  });

  it("POST /initiatives/{id}/check-ins: 201; GET .../check-ins (not in API.md v1) lists it", async () => {
    const { initiativeId, personId } = await aRegisteredInitiative();
    const written = expectWrite(await core.post(`${I}/${initiativeId}/check-ins`, checkInBody(personId)), 201);
    expect(isUuid(written.id)).toBe(true);
    expect(written.id).not.toBe(initiativeId);
    const list = await core.get(after(`${I}/${initiativeId}/check-ins`, written.position));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ checkInId: written.id, heldOn: "2025-02-03", mandateClarity: 4, confidence: 3 });
  });
});

describe("signals", () => {
  it("POST /signals submits a signal: 201", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const written = expectWrite(
      await core.post("/api/v1/signals", signalBody(initiativeId, { detail: "Kvällar och helger" })),
      201,
    );
    expect(isUuid(written.id)).toBe(true);
    expect(written.revision).toBe(0);
  });

  it("GET /signals?status=unanswered&initiativeId lists `[{ id, initiativeId, kind, summary, mandatePosition, status }]`", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const submitted = ok(await core.post("/api/v1/signals", signalBody(initiativeId)));
    const list = await core.get(after(`/api/v1/signals?status=unanswered&initiativeId=${initiativeId}`, submitted.position));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const signal = list.body[0];
    expect(signal).toMatchObject({ id: submitted.id, initiativeId, kind: "boundary-request", mandatePosition: "at-edge" });
    expect(typeof signal.summary).toBe("string");
    expect(signal.status).toBe("submitted");
  });

  it("POST /signals/{id}/acknowledgement and /answer: 200; the signal moves to the answered ones", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const signalId = ok(await core.post("/api/v1/signals", signalBody(initiativeId))).id;
    const acknowledged = expectWrite(await core.post(`/api/v1/signals/${signalId}/acknowledgement`, {}), 200);
    expect(acknowledged.id).toBe(signalId);
    expect(acknowledged.revision).toBe(1);
    const answered = expectWrite(
      await core.post(`/api/v1/signals/${signalId}/answer`, { response: "Tas upp med skolan", outcome: "noted" }),
      200,
    );
    expect(answered.revision).toBe(2);
    const unanswered = await core.get(after(`/api/v1/signals?status=unanswered&initiativeId=${initiativeId}`, answered.position));
    expect(unanswered.body).toEqual([]);
    const done = await core.get(`/api/v1/signals?status=answered&initiativeId=${initiativeId}`);
    expect(done.body.map((s: any) => s.id)).toEqual([signalId]);
  });

  it("POST /signals/{id}/withdrawal: 200", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const signalId = ok(
      await core.post("/api/v1/signals", signalBody(initiativeId, { kind: "need", mandatePosition: "within" })),
    ).id;
    const written = expectWrite(await core.post(`/api/v1/signals/${signalId}/withdrawal`, { reason: "Löst på annat sätt" }), 200);
    expect(written.id).toBe(signalId);
    expect(written.revision).toBe(1);
  });
});

describe("tensions", () => {
  /** A tension raised on 2025-02-12 at intensity 3, sharpened to 5, escalated, and resolved on 2025-03-10. */
  const aResolvedTension = async (initiativeId: string) => {
    const tensionId = ok(await core.post("/api/v1/tensions", tensionBody([initiativeId]))).id;
    const intensity = expectWrite(
      await core.post(`/api/v1/tensions/${tensionId}/intensity`, { intensity: 5, note: "Skärpt läge", on: "2025-02-20" }),
      200,
    );
    const escalated = expectWrite(
      await core.post(`/api/v1/tensions/${tensionId}/escalation`, { to: "core-team", note: "Till kärnteamet", on: "2025-02-21" }),
      200,
    );
    const resolved = expectWrite(
      await core.post(`/api/v1/tensions/${tensionId}/resolution`, { resolution: "Gemensam rutin", resolvedOn: "2025-03-10" }),
      200,
    );
    return { tensionId, intensity, escalated, resolved };
  };
  /** A tension raised on 2025-02-12 at intensity 2 and dropped on 2025-02-28. */
  const aDroppedTension = async (initiativeId: string) => {
    const tensionId = ok(
      await core.post("/api/v1/tensions", tensionBody([initiativeId], { category: "roles", intensity: 2 })),
    ).id;
    const dropped = expectWrite(
      await core.post(`/api/v1/tensions/${tensionId}/drop`, { reason: "Inte aktuell", on: "2025-02-28" }),
      200,
    );
    return { tensionId, dropped };
  };

  it("POST /tensions raises a tension: 201", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const written = expectWrite(await core.post("/api/v1/tensions", tensionBody([initiativeId])), 201);
    expect(isUuid(written.id)).toBe(true);
    expect(written.revision).toBe(0);
  });

  it("POST /tensions/{id}/intensity, /escalation, /resolution: 200", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const { tensionId, intensity, escalated, resolved } = await aResolvedTension(initiativeId);
    expect([intensity.id, escalated.id, resolved.id]).toEqual([tensionId, tensionId, tensionId]);
    expect([intensity.revision, escalated.revision, resolved.revision]).toEqual([1, 2, 3]);
  });

  it("POST /tensions/{id}/drop (not in API.md v1): 200", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const { tensionId, dropped } = await aDroppedTension(initiativeId);
    expect(dropped.id).toBe(tensionId);
    expect(dropped.revision).toBe(1);
  });

  it("GET /initiatives/{id}/tensions/timeline?bucket=month: `[{ periodStart, raised, resolved, open, meanIntensity }]`", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    await aResolvedTension(initiativeId);
    const { dropped } = await aDroppedTension(initiativeId);
    const timeline = await core.get(
      after(`${I}/${initiativeId}/tensions/timeline?from=2025-01-01&to=2025-03-31&bucket=month`, dropped.position),
    );
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((p: any) => p.periodStart)).toEqual(["2025-01-01", "2025-02-01", "2025-03-01"]);
    for (const period of timeline.body as any[]) {
      for (const count of ["raised", "resolved", "open"]) expect(Number.isInteger(period[count])).toBe(true);
      expect(period.meanIntensity === null || typeof period.meanIntensity === "number").toBe(true);
    }
    const [january, february, march] = timeline.body as any[];
    expect(january).toMatchObject({ raised: 0, resolved: 0, open: 0, meanIntensity: null });
    expect(february).toMatchObject({ raised: 2, open: 1, meanIntensity: 5 });
    expect(march).toMatchObject({ raised: 0, resolved: 1, open: 0 });
    const weeks = await core.get(`${I}/${initiativeId}/tensions/timeline?from=2025-02-03&to=2025-02-16&bucket=week`);
    expect(weeks.status).toBe(200);
    expect(weeks.body.map((p: any) => p.periodStart)).toEqual(["2025-02-03", "2025-02-10"]);
  });
});

describe("meetings, budgets, decisions", () => {
  /** A meeting with one attendee and one absentee, held on `heldOn`. */
  const aMeeting = async (heldOn = "2025-01-20") => {
    const organisationId = await anOrganisation();
    const attendee = await aPerson(organisationId, "Deltagare Västerås 1");
    const absentee = await aPerson(organisationId, "Deltagare Västerås 2");
    const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([attendee], { heldOn, absentees: [absentee] }))).id;
    return { meetingId, attendee, absentee };
  };
  const decisionBody = {
    subject: "Budget 2025",
    decision: "Budgeten för 2025 godkänns",
    rationale: "Enligt förslag",
    kind: "budget",
  };
  const nextStepBody = (ownerId: string) => ({ text: "Nästa möte i november", ownerId, due: "2025-11-30" });

  it("POST /meetings holds a meeting: 201", async () => {
    const attendee = await aPerson(await anOrganisation());
    const written = expectWrite(await core.post("/api/v1/meetings", meetingBody([attendee])), 201);
    expect(isUuid(written.id)).toBe(true);
    expect(written.revision).toBe(0);
  });

  it("POST /meetings/{id}/decisions: 201, the id is the decisionId; /comments: 200; /next-steps: 201", async () => {
    const { meetingId, attendee } = await aMeeting();
    const decision = expectWrite(await core.post(`/api/v1/meetings/${meetingId}/decisions`, decisionBody), 201);
    expect(decision.id).not.toBe(meetingId);
    const comment = expectWrite(
      await core.post(`/api/v1/meetings/${meetingId}/comments`, { topic: "Budget", comment: "Hur vet vi att vi får valuta?" }),
      200,
    );
    expect(comment.id).toBe(meetingId);
    const step = expectWrite(await core.post(`/api/v1/meetings/${meetingId}/next-steps`, nextStepBody(attendee)), 201);
    expect(step.id).not.toBe(meetingId);
    expect([decision.revision, comment.revision, step.revision]).toEqual([1, 2, 3]);
  });

  it("POST /budgets/{focusArea}/{year}/proposal: 201; /approval: 200", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const decision = await aBudgetDecision("2025-01-20");
    const proposed = expectWrite(
      await core.post(`/api/v1/budgets/${FOCUS_AREA}/2025/proposal`, {
        lines: [
          { purpose: "Drömfabriken", initiativeId, amountSek: 300_000 },
          { purpose: "Samordning", amountSek: 200_000 },
        ],
      }),
      201,
    );
    const approved = expectWrite(await core.post(`/api/v1/budgets/${FOCUS_AREA}/2025/approval`, { decision }), 200);
    expect(approved.id).toBe(proposed.id);
    expect(approved.revision).toBe(proposed.revision + 1);
  });

  it("POST /budgets/.../amendments, /value-reflections (not in API.md v1): 200; /external-funding: 201", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const { decision, approved } = await anApprovedBudget(2026, initiativeId);
    const { amended, funding, reflection } = await amendFundAndReflect(2026, initiativeId, decision);
    expect(amended.revision).toBe(approved.revision + 1);
    expect([funding.revision, reflection.revision]).toEqual([amended.revision + 1, amended.revision + 2]);
  });

  it("GET /budgets/{focusArea}/{year}: `{ year, status, lines, approvedTotalSek, externalFunding, reflections }`", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const { decision } = await anApprovedBudget(2027, initiativeId);
    const { reflection } = await amendFundAndReflect(2027, initiativeId, decision);
    // On the last day of the budget's year: its funding is dated within the year, after today.
    const budget = await core.get(after(`/api/v1/budgets/${FOCUS_AREA}/2027?at=2027-12-31`, reflection.position));
    expect(budget.status).toBe(200);
    expect(budget.body).toMatchObject({ year: 2027, status: "approved", approvedTotalSek: 550_000 });
    expect(budget.body.lines.map((l: any) => l.amountSek)).toEqual([350_000, 200_000]);
    expect(budget.body.externalFunding).toHaveLength(1);
    expect(budget.body.externalFunding[0]).toMatchObject({ source: "Allmänna arvsfonden", amountSek: 100_000 });
    expect(budget.body.reflections).toHaveLength(1);
    expect(budget.body.reflections[0]).toMatchObject({ valueRating: 4 });
    // As known at a time before the proposal was recorded, there was no such budget.
    expect((await core.get(`/api/v1/budgets/${FOCUS_AREA}/2027?asOf=2001-01-01`)).status).toBe(404);
  });

  it("POST /meetings/{id}/approval and /corrections: 200; GET /meetings/{id} has the minutes", async () => {
    const { meetingId, attendee, absentee } = await aMeeting();
    const decisionId = ok(await core.post(`/api/v1/meetings/${meetingId}/decisions`, decisionBody)).id;
    ok(await core.post(`/api/v1/meetings/${meetingId}/comments`, { topic: "Budget", comment: "Hur vet vi att vi får valuta?" }));
    ok(await core.post(`/api/v1/meetings/${meetingId}/next-steps`, nextStepBody(attendee)));
    const approved = expectWrite(await core.post(`/api/v1/meetings/${meetingId}/approval`, {}), 200);
    expect(approved.id).toBe(meetingId);
    const corrected = expectWrite(
      await core.post(`/api/v1/meetings/${meetingId}/corrections`, {
        correction: "Rätt datum för nästa möte är 2025-11-27",
        reason: "Skrivfel",
      }),
      200,
    );
    expect(corrected.revision).toBe(approved.revision + 1);
    const minutes = await core.get(after(`/api/v1/meetings/${meetingId}`, corrected.position));
    expect(minutes.status).toBe(200);
    expect(minutes.body).toMatchObject({
      id: meetingId,
      heldOn: "2025-01-20",
      attendees: [attendee],
      absentees: [absentee],
      agenda: ["Uppdateringar", "Budget"],
      approved: true,
    });
    expect(minutes.body.decisions).toHaveLength(1);
    expect(minutes.body.decisions[0]).toMatchObject({ decisionId, subject: "Budget 2025", kind: "budget" });
    expect(minutes.body.comments).toEqual([{ topic: "Budget", comment: "Hur vet vi att vi får valuta?" }]);
    expect(minutes.body.nextSteps).toHaveLength(1);
    expect(minutes.body.nextSteps[0]).toMatchObject({ text: "Nästa möte i november", ownerId: attendee, due: "2025-11-30" });
  });

  it("GET /decisions?from&to: `[{ meetingId, decisionId, heldOn, subject, decision, kind, effects }]`", async () => {
    // A month no other test holds a meeting in, and a budget year of its own.
    const { initiativeId } = await aRegisteredInitiative();
    const { decision } = await anApprovedBudget(2028, initiativeId, "2023-05-10");
    const { reflection } = await amendFundAndReflect(2028, initiativeId, decision);
    const log = await auditor.get(after("/api/v1/decisions?from=2023-05-01&to=2023-05-31", reflection.position));
    expect(log.status).toBe(200);
    expect(log.body).toHaveLength(1);
    const entry = log.body[0];
    expect(entry).toMatchObject({
      ...decision,
      heldOn: "2023-05-10",
      subject: "Budget",
      decision: "Budgeten godkänns",
      kind: "budget",
    });
    const types = (entry.effects as any[]).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["BudgetApproved", "BudgetAmended"]));
    for (const effect of entry.effects as any[]) {
      expect(effect.streamId).toBe(`budget-${FOCUS_AREA}-2028`);
      expect(Number.isInteger(effect.position)).toBe(true);
    }
    const before = await auditor.get("/api/v1/decisions?from=2023-04-01&to=2023-04-30");
    expect(before.body).toEqual([]);
  });
});

describe("the overview, the closure and the audit", () => {
  it("GET /initiatives/{id}: the overview with every field API.md names", async () => {
    const seeded = await seedInitiative(core, "Översikten");
    const { initiativeId, personId } = seeded;
    ok(await core.post(`${I}/${initiativeId}/leads`, { personId, role: "lead" }));
    ok(await core.post(`${I}/${initiativeId}/check-ins`, checkInBody(personId)));
    // A mandate in force on `at`, an open tension beside a resolved one, signals answered and withdrawn today, one open.
    ok(
      await core.post(
        `${I}/${initiativeId}/mandates`,
        mandateBody({ validFrom: "2026-07-01", validUntil: "2099-12-31", steering: "detailed" }),
      ),
    );
    const openTension = ok(
      await core.post("/api/v1/tensions", tensionBody([initiativeId], { category: "resources", intensity: 2 })),
    ).id;
    const resolvedTension = ok(await core.post("/api/v1/tensions", tensionBody([initiativeId]))).id;
    ok(
      await core.post(`/api/v1/tensions/${resolvedTension}/resolution`, {
        resolution: "Gemensam rutin",
        resolvedOn: "2025-03-10",
      }),
    );
    const answered = ok(await core.post("/api/v1/signals", signalBody(initiativeId))).id;
    ok(await core.post(`/api/v1/signals/${answered}/answer`, { response: "Tas upp med skolan", outcome: "noted" }));
    const withdrawn = ok(
      await core.post("/api/v1/signals", signalBody(initiativeId, { kind: "need", mandatePosition: "within" })),
    ).id;
    ok(await core.post(`/api/v1/signals/${withdrawn}/withdrawal`, { reason: "Löst på annat sätt" }));
    const signal = ok(await core.post("/api/v1/signals", signalBody(initiativeId, { kind: "risk" })));

    const overview = await core.get(after(`${I}/${initiativeId}?at=2026-08-01`, signal.position));
    expect(overview.status).toBe(200);
    const o = overview.body;
    expect(o).toMatchObject({ id: initiativeId, name: "Översikten", status: "open" });
    expect(o.leads).toHaveLength(1);
    expect(o.leads[0]).toMatchObject({ personId, name: "Person för Översikten", role: "lead" });
    expect(o.goals).toEqual([expect.objectContaining({ goalId: seeded.goalId, statement: "Mål för Översikten" })]);
    expect(o.mandate).toMatchObject({
      steering: "detailed",
      validFrom: "2026-07-01",
      validUntil: "2099-12-31",
      budgetSek: 250_000,
    });
    for (const field of ["mandateId", "scope", "boundaries", "principles", "steering", "validFrom", "validUntil", "budgetSek"]) {
      expect(o.mandate).toHaveProperty(field);
    }
    expect(o.openTensions.map((t: { tensionId: string }) => t.tensionId)).toEqual([openTension]);
    // An answer or a withdrawal takes effect on the day it is recorded: on `at` the two signals
    // answered and withdrawn today were still open; today only the new one is.
    expect(o.unansweredSignals.map((s: { id: string }) => s.id)).toEqual([answered, withdrawn, signal.id]);
    const todays = await core.get(`${I}/${initiativeId}`);
    expect(todays.body.unansweredSignals.map((s: { id: string }) => s.id)).toEqual([signal.id]);
    expect(o.lastCheckIn).toMatchObject({ heldOn: "2025-02-03" });
    expect(o.nextCheckInDue === null || isDate(o.nextCheckInDue)).toBe(true);
    expect(typeof o.checkInOverdue).toBe("boolean");
  });

  it("POST /initiatives/{id}/closure: 200; the initiative reads as closed", async () => {
    const { initiativeId } = await aRegisteredInitiative();
    const written = expectWrite(await core.post(`${I}/${initiativeId}/closure`, { reason: "Avslutat", on: "2025-12-31" }), 200);
    expect(written.id).toBe(initiativeId);
    const list = await core.get(after(I, written.position));
    expect(list.body.find((i: any) => i.id === initiativeId).status).toBe("closed");
  });

  it("GET /audit/events?streamId&fromPosition&limit: raw events with their envelopes, in log order", async () => {
    const { initiativeId, personId } = await aRegisteredInitiative();
    ok(await core.post(`${I}/${initiativeId}/leads`, { personId, role: "lead" }));
    ok(await core.post(`${I}/${initiativeId}/goals`, { statement: "Ett mål" }));
    ok(await core.post(`${I}/${initiativeId}/check-in-cadence`, { everyDays: 30 }));
    ok(await core.post(`${I}/${initiativeId}/check-ins`, checkInBody(personId)));
    ok(await core.post(`${I}/${initiativeId}/check-in-cadence`, { everyDays: 14 }));
    const events = await auditor.get(`/api/v1/audit/events?streamId=initiative-${initiativeId}&limit=5`);
    expect(events.status).toBe(200);
    expect(events.body).toHaveLength(5);
    const [first] = events.body as any[];
    expect(first).toMatchObject({ type: "InitiativeRegistered", streamId: `initiative-${initiativeId}`, revision: 0 });
    expect(isUuid(first.eventId)).toBe(true);
    expect(Number.isInteger(first.schemaVersion)).toBe(true);
    expect(isInstant(first.recordedAt)).toBe(true);
    expect(first.data).toMatchObject({ name: "Drömfabriken" });
    // The actor is the person the login is linked to, with the roles the log gave them that day.
    expect(first.metadata.actor).toEqual({ id: await personIdOf(core), roles: ["core-team"] });
    for (const field of ["commandId", "correlationId", "causationId", "hash"])
      expect(typeof first.metadata[field]).toBe("string");
    const positions = (events.body as any[]).map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect((events.body as any[]).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);

    const from = positions[2];
    const later = await auditor.get(`/api/v1/audit/events?fromPosition=${from}&limit=2`);
    expect(later.body.map((e: any) => e.position)).toEqual([from, from + 1]);
  });

  it("GET /audit/verify: `{ ok: true, checkedEvents }`", async () => {
    const { position } = await aRegisteredInitiative();
    const verified = await admin.get("/api/v1/audit/verify");
    expect(verified.status).toBe(200);
    expect(verified.body.ok).toBe(true);
    expect(verified.body.checkedEvents).toBeGreaterThanOrEqual(position);
    expect(verified.body.brokenAt).toBeUndefined();
  });

  it('GET /health: 200 `{ status: "ok" }`', async () => {
    const health = await anonymous.get("/health");
    expect(health.status).toBe(200);
    expect(health.body.status).toBe("ok");
  });
});

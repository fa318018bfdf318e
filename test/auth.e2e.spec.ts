import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  INITIATIVES as I,
  type SeededInitiative,
  after,
  appendsNothing,
  checkInBody,
  expectProblem,
  logHead,
  mandateBody,
  meetingBody,
  ok,
  seedInitiative,
  signalBody,
  tensionBody,
} from "./support/fixtures.js";
import { type ApiClient, type MandatServer, TEST_SECRET, api, serverForFile, tokenFor } from "./support/mandat-server.js";
import { leadClient } from "./support/people.js";

/** docs/api.md "Auth" and docs/domain.md "Roles": who may do what, and what no or a bad token gets. */
let server: MandatServer;
let core: ApiClient;
let admin: ApiClient;
let auditor: ApiClient;
let lead: ApiClient;
let anonymous: ApiClient;
let own: SeededInitiative;
let foreign: SeededInitiative;
let ownSignalId: string;
let foreignSignalId: string;
let ownTensionId: string;
let foreignTensionId: string;
let meetingId: string;
let decisionId: string;

serverForFile((started) => ({ server, core, admin, auditor, anonymous } = started));

beforeAll(async () => {
  own = await seedInitiative(core, "Ledarens initiativ");
  foreign = await seedInitiative(core, "Någon annans initiativ");
  // The person the seeding registered leads their own initiative: assigned in the log, signed in with a linked login.
  lead = (await leadClient(server.url, admin, [own.initiativeId], own.personId)).client;
  ownSignalId = ok(await core.post("/api/v1/signals", signalBody(own.initiativeId))).id;
  foreignSignalId = ok(await core.post("/api/v1/signals", signalBody(foreign.initiativeId))).id;
  ownTensionId = ok(await core.post("/api/v1/tensions", tensionBody([own.initiativeId]))).id;
  foreignTensionId = ok(await core.post("/api/v1/tensions", tensionBody([foreign.initiativeId]))).id;
  meetingId = ok(await core.post("/api/v1/meetings", meetingBody([own.personId]))).id;
  decisionId = ok(
    await core.post(`/api/v1/meetings/${meetingId}/decisions`, { subject: "Budget", decision: "Godkänd", kind: "budget" }),
  ).id;
  ok(await core.post(`/api/v1/budgets/${FOCUS_AREA}/2025/proposal`, { lines: [{ purpose: "Allt", amountSek: 1000 }] }));
});

/** A forbidden write: 403 problem+json, and the log did not move. */
async function expectForbidden(client: ApiClient, path: string, body: unknown) {
  expectProblem(await appendsNothing(auditor, () => client.post(path, body)), 403, "/problems/forbidden");
}

describe("no token, a bad token", () => {
  it("no token: 401 problem+json with WWW-Authenticate: Bearer, on reads and writes", async () => {
    for (const response of [
      await anonymous.get(I),
      await anonymous.get(`${I}/${own.initiativeId}`),
      await anonymous.get("/api/v1/audit/events"),
      await anonymous.post("/api/v1/organisations", { name: "X", kind: "other" }),
    ]) {
      expectProblem(response, 401, "/problems/unauthenticated");
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    }
  });

  it("a malformed token, a non-Bearer scheme: 401", async () => {
    const garbage = await api(server.url, "not.a.jwt").get(I);
    expectProblem(garbage, 401);
    expect(garbage.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    const basic = await anonymous.get(I, { authorization: "Basic dXNlcjpwYXNz" });
    expectProblem(basic, 401);
  });

  it("an expired token: 401", async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ roles: ["admin"], initiatives: [] })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject("e2e-expired")
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(new TextEncoder().encode(TEST_SECRET));
    expectProblem(await api(server.url, expired).get(I), 401, "/problems/unauthenticated");
  });

  it("a token signed with another secret: 401; the same claims with the right secret: 200", async () => {
    const forged = await tokenFor("admin", { secret: "an-entirely-different-secret-of-48-characters!!" });
    expectProblem(await api(server.url, forged).get(I), 401, "/problems/unauthenticated");
    expect((await admin.get(I)).status).toBe(200);
  });

  it("a valid token of a login linked to no one, with no role the server knows: authenticated, 403 with what to do, nothing appended", async () => {
    const roleless = await new SignJWT({ roles: ["superuser"], initiatives: [own.initiativeId] })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject("e2e-roleless")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(TEST_SECRET));
    const client = api(server.url, roleless);
    // An initiatives claim gives nothing: rights come from the log.
    for (const attempt of [
      () => client.post("/api/v1/organisations", { name: "X", kind: "other" }),
      () => client.post(`${I}/${own.initiativeId}/goals`, { statement: "Påstådd ledare" }),
    ]) {
      const problem = expectProblem(await appendsNothing(auditor, attempt), 403, "/problems/forbidden");
      expect(problem.detail).toMatch(/not linked to a person.*POST \/api\/v1\/people\/\{personId\}\/logins/);
      expect(problem.detail).toContain('"subject": "e2e-roleless"');
    }
    expectProblem(await client.get(I), 403, "/problems/forbidden");
    const me = await client.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ issuer: "mandat", subject: "e2e-roleless", roles: [], person: null, unlinked: "not-linked" });
  });
});

describe("admin", () => {
  it("may register organisations, people and initiatives and assign leads", async () => {
    const organisationId = ok(await admin.post("/api/v1/organisations", { name: "Eskilstuna kommun", kind: "municipality" })).id;
    const personId = ok(await admin.post("/api/v1/people", { organisationId, name: "Admins person" })).id;
    const initiative = await admin.post(I, {
      name: "Admins initiativ",
      focusArea: FOCUS_AREA,
      description: "",
      organisationIds: [organisationId],
    });
    expect(initiative.status).toBe(201);
    expect((await admin.post(`${I}/${initiative.body.id}/leads`, { personId, role: "lead" })).status).toBe(200);
  });

  it("may not write goals, mandates, check-ins, signals, tensions, meetings, budgets or close initiatives", async () => {
    const id = own.initiativeId;
    await expectForbidden(admin, `${I}/${id}/goals`, { statement: "Nej" });
    await expectForbidden(admin, `${I}/${id}/mandates`, mandateBody());
    await expectForbidden(admin, `${I}/${id}/check-ins`, checkInBody(own.personId));
    await expectForbidden(admin, `${I}/${id}/check-in-cadence`, { everyDays: 14 });
    await expectForbidden(admin, `${I}/${id}/closure`, { reason: "Nej", on: "2025-01-01" });
    await expectForbidden(admin, "/api/v1/signals", signalBody(id));
    await expectForbidden(admin, "/api/v1/tensions", tensionBody([id]));
    await expectForbidden(admin, "/api/v1/meetings", meetingBody([own.personId]));
    await expectForbidden(admin, `/api/v1/meetings/${meetingId}/comments`, { topic: "x", comment: "y" });
    await expectForbidden(admin, `/api/v1/budgets/${FOCUS_AREA}/2025/approval`, { decision: { meetingId, decisionId } });
  });

  it("may read the audit log and verify it", async () => {
    expect((await admin.get("/api/v1/audit/events?limit=1")).status).toBe(200);
    expect((await admin.get("/api/v1/audit/verify")).status).toBe(200);
  });
});

describe("core-team", () => {
  it("may do what an admin may, plus goals, mandates, check-ins, signals, tensions, meetings and budgets", async () => {
    const organisationId = ok(await core.post("/api/v1/organisations", { name: "Region", kind: "region" })).id;
    expect((await core.post("/api/v1/people", { organisationId, name: "Kärnteamets person" })).status).toBe(201);
    const id = foreign.initiativeId;
    expect((await core.post(`${I}/${id}/goals`, { statement: "Kärnteamets mål" })).status).toBe(201);
    expect((await core.post(`${I}/${id}/mandates`, mandateBody())).status).toBe(201);
    expect((await core.post(`${I}/${id}/check-ins`, checkInBody(foreign.personId))).status).toBe(201);
    expect((await core.post(`${I}/${id}/check-in-cadence`, { everyDays: 21 })).status).toBe(200);
    expect((await core.post("/api/v1/signals", signalBody(id))).status).toBe(201);
    expect((await core.post(`/api/v1/signals/${foreignSignalId}/acknowledgement`, {})).status).toBe(200);
    expect((await core.post("/api/v1/tensions", tensionBody([]))).status).toBe(201);
    expect(
      (await core.post(`/api/v1/meetings/${meetingId}/comments`, { topic: "Ledning", comment: "Bred eller detaljerad?" })).status,
    ).toBe(200);
    expect((await core.post(`/api/v1/budgets/${FOCUS_AREA}/2025/approval`, { decision: { meetingId, decisionId } })).status).toBe(
      200,
    );
  });

  it("may not read the raw audit log or verify it (auditor, admin only)", async () => {
    expectProblem(await core.get("/api/v1/audit/events"), 403, "/problems/forbidden");
    expectProblem(await core.get("/api/v1/audit/verify"), 403, "/problems/forbidden");
  });
});

describe("initiative-lead", () => {
  it("acts for the initiatives they lead: goals, check-ins, signals, tensions are 2xx", async () => {
    const id = own.initiativeId;
    const goal = await lead.post(`${I}/${id}/goals`, { statement: "Ledarens mål" });
    expect(goal.status).toBe(201);
    expect(
      (
        await lead.post(`${I}/${id}/goals/${goal.body.id}/revisions`, {
          statement: "Ledarens reviderade mål",
          reason: "Tydligare",
        })
      ).status,
    ).toBe(200);
    expect((await lead.post(`${I}/${id}/check-ins`, checkInBody(own.personId))).status).toBe(201);
    expect((await lead.post("/api/v1/signals", signalBody(id))).status).toBe(201);
    expect((await lead.post(`/api/v1/signals/${ownSignalId}/withdrawal`, { reason: "Inte längre aktuellt" })).status).toBe(200);
    expect((await lead.post("/api/v1/tensions", tensionBody([id]))).status).toBe(201);
    expect(
      (await lead.post(`/api/v1/tensions/${ownTensionId}/intensity`, { intensity: 4, note: "Värre", on: "2025-02-20" })).status,
    ).toBe(200);
  });

  it("gets 403 for an initiative they do not lead (goals, check-ins, signals, tensions), nothing appended", async () => {
    const id = foreign.initiativeId;
    await expectForbidden(lead, `${I}/${id}/goals`, { statement: "Inte mitt" });
    await expectForbidden(lead, `${I}/${id}/goals/${foreign.goalId}/drop`, { reason: "Inte mitt" });
    await expectForbidden(lead, `${I}/${id}/check-ins`, checkInBody(foreign.personId));
    await expectForbidden(lead, "/api/v1/signals", signalBody(id));
    await expectForbidden(lead, `/api/v1/signals/${foreignSignalId}/withdrawal`, { reason: "Inte mitt" });
    await expectForbidden(lead, "/api/v1/tensions", tensionBody([id]));
    await expectForbidden(lead, "/api/v1/tensions", tensionBody([own.initiativeId, id]));
    await expectForbidden(lead, "/api/v1/tensions", tensionBody([]));
    await expectForbidden(lead, `/api/v1/tensions/${foreignTensionId}/escalation`, {
      to: "board",
      note: "Nej",
      on: "2025-02-20",
    });
  });

  it("may not register, grant mandates, agree cadences, close, answer signals, hold meetings or touch budgets", async () => {
    const id = own.initiativeId;
    await expectForbidden(lead, "/api/v1/organisations", { name: "Nej", kind: "other" });
    await expectForbidden(lead, "/api/v1/people", { organisationId: own.organisationId, name: "Nej" });
    await expectForbidden(lead, I, {
      name: "Nej",
      focusArea: FOCUS_AREA,
      description: "",
      organisationIds: [own.organisationId],
    });
    await expectForbidden(lead, `${I}/${id}/leads`, { personId: own.personId, role: "lead" });
    await expectForbidden(lead, `${I}/${id}/mandates`, mandateBody());
    await expectForbidden(lead, `${I}/${id}/check-in-cadence`, { everyDays: 7 });
    await expectForbidden(lead, `${I}/${id}/closure`, { reason: "Nej", on: "2025-01-01" });
    await expectForbidden(lead, `/api/v1/signals/${ownSignalId}/answer`, { response: "Nej", outcome: "noted" });
    await expectForbidden(lead, "/api/v1/meetings", meetingBody([own.personId]));
    await expectForbidden(lead, `/api/v1/budgets/${FOCUS_AREA}/2026/proposal`, { lines: [{ purpose: "Nej", amountSek: 1 }] });
    expectProblem(await lead.get("/api/v1/audit/events"), 403, "/problems/forbidden");
  });
});

describe("auditor", () => {
  it("reads /audit/events and /audit/verify", async () => {
    const events = await auditor.get("/api/v1/audit/events?limit=3");
    expect(events.status).toBe(200);
    expect(events.body).toHaveLength(3);
    const verify = await auditor.get("/api/v1/audit/verify");
    expect(verify.status).toBe(200);
    expect(verify.body.ok).toBe(true);
  });

  it("cannot write anything: every POST of the OpenAPI document is 403, nothing appended", async () => {
    const document = await anonymous.get("/docs/openapi.json");
    const ids: Record<string, string> = {
      id: own.initiativeId,
      goalId: own.goalId,
      mandateId: own.goalId,
      personId: own.personId,
      contextId: own.goalId,
      focusArea: FOCUS_AREA,
      year: "2025",
    };
    const posts = Object.entries(document.body.paths as Record<string, Record<string, unknown>>)
      // Auditors may seal the log: the one write that is theirs.
      .filter(
        ([, operations]) =>
          "post" in operations && !(operations.post as { "x-roles": unknown })["x-roles"]?.toString().includes("auditor"),
      )
      .map(([path]) => path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? own.initiativeId));
    expect(posts.length).toBeGreaterThanOrEqual(40);
    await appendsNothing(auditor, async () => {
      for (const path of posts) {
        const response = await auditor.post(path, {});
        expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(403);
        expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      }
      // A valid body does not help either.
      expectProblem(await auditor.post("/api/v1/organisations", { name: "Revisorns", kind: "other" }), 403);
      expectProblem(await auditor.post(`${I}/${own.initiativeId}/goals`, { statement: "Revisorns mål" }), 403);
    });
  });
});

describe("reads", () => {
  it("every role reads the overviews, lists, minutes, budgets and the decision log", async () => {
    const position = await logHead(auditor);
    const clients = { admin, "core-team": core, "initiative-lead": lead, auditor };
    for (const [role, client] of Object.entries(clients)) {
      // A lead reads every initiative, not only those they lead.
      for (const path of [
        after(I, position),
        `${I}/${own.initiativeId}`,
        `${I}/${foreign.initiativeId}`,
        `${I}/${foreign.initiativeId}/mandates`,
        `${I}/${foreign.initiativeId}/tensions/timeline?bucket=month`,
        "/api/v1/signals",
        `/api/v1/meetings/${meetingId}`,
        `/api/v1/budgets/${FOCUS_AREA}/2025`,
        "/api/v1/decisions",
      ]) {
        const response = await client.get(path);
        expect(response.status, `${role} GET ${path}: ${JSON.stringify(response.body)}`).toBe(200);
      }
    }
  });
});

import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  INITIATIVES as I,
  addDays,
  appendsNothing,
  expectProblem,
  expectWrite,
  ok,
  seedInitiative,
  stockholmDate,
} from "./support/fixtures.js";
import {
  type ApiClient,
  type MandatServer,
  TEST_SECRET,
  api,
  serverForFile,
  startServer,
  tokenFor,
} from "./support/mandat-server.js";
import { LOCAL_ISSUER, coreTeamToken, loginOf, registeredPerson } from "./support/people.js";

/**
 * docs/api.md "Auth": a token proves a login, and every right beyond the provider's roles is
 * read from the log on each request. What the log records takes effect on the next
 * request, with the same token.
 */
let server: MandatServer;
let admin: ApiClient;
let auditor: ApiClient;
let core: ApiClient;

serverForFile((started) => ({ server, admin, auditor, core } = started));

const today = () => stockholmDate(new Date());
const NOT_LINKED = /not linked to a person in Mandat.*POST \/api\/v1\/people\/\{personId\}\/logins/;

/** A write only the Core Team may make (and that any of its members may make again and again). */
const coreTeamWrite = (client: ApiClient) =>
  client.post("/api/v1/organisations", { name: "Kärnteamets organisation", kind: "other" });

/** Refused with 403 `forbidden`, the detail matching, nothing appended; returns the problem. */
async function expectRefused(action: () => Promise<Parameters<typeof expectProblem>[0]>, detail: RegExp) {
  const problem = expectProblem(await appendsNothing(auditor, action), 403, "/problems/forbidden");
  expect(problem.detail).toMatch(detail);
  return problem;
}

/** A Core Team member of the e2e focus area since 2000, signed in with a login of their own. */
async function aCoreTeamMember(): Promise<{ personId: string; client: ApiClient }> {
  const personId = await registeredPerson(admin);
  return { personId, client: api(server.url, await coreTeamToken(admin, personId)) };
}

describe("effect at once, with the same token", () => {
  it("an unassigned lead: their next write to the initiative is 403, nothing appended; GET /me no longer names it", async () => {
    const { initiativeId } = await seedInitiative(core);
    const personId = await registeredPerson(admin);
    ok(await admin.post(`${I}/${initiativeId}/leads`, { personId, role: "lead" }));
    const lead = api(server.url, await loginOf(admin, personId));
    expectWrite(await lead.post(`${I}/${initiativeId}/goals`, { statement: "Ledarens mål" }), 201);
    expect((await lead.get("/api/v1/me")).body).toMatchObject({
      roles: ["initiative-lead"],
      initiatives: [{ id: initiativeId }],
    });

    ok(await admin.post(`${I}/${initiativeId}/leads/${personId}/unassignment`, { reason: "Lämnar uppdraget" }));
    await expectRefused(() => lead.post(`${I}/${initiativeId}/goals`, { statement: "Efter avslutat uppdrag" }), /not allowed/);
    expect((await lead.get("/api/v1/me")).body).toMatchObject({ roles: [], initiatives: [] });
  });

  it("a Core Team membership that ended yesterday: the next Core Team write is 403, nothing appended", async () => {
    const { personId, client } = await aCoreTeamMember();
    expectWrite(await coreTeamWrite(client), 201);
    ok(
      await admin.post(`/api/v1/people/${personId}/core-team-membership/end`, {
        focusArea: FOCUS_AREA,
        on: addDays(today(), -1),
      }),
    );
    await expectRefused(() => coreTeamWrite(client), /needs one of the roles/);
    expect((await client.get("/api/v1/me")).body).toMatchObject({ person: { id: personId }, roles: [], coreTeam: [] });
  });

  it("a Core Team membership that ends today still holds today: its end date is its last day", async () => {
    const { personId, client } = await aCoreTeamMember();
    ok(await admin.post(`/api/v1/people/${personId}/core-team-membership/end`, { focusArea: FOCUS_AREA, on: today() }));
    expectWrite(await coreTeamWrite(client), 201);
    expect((await client.get("/api/v1/me")).body).toMatchObject({ roles: ["core-team"], coreTeam: [FOCUS_AREA] });
  });

  it("an unlinked login: 403 saying it is linked to no one, nothing appended; GET /me says not-linked", async () => {
    const personId = await registeredPerson(admin);
    const subject = `e2e-unlinked-${personId}`;
    ok(await admin.post(`/api/v1/people/${personId}/core-team-membership`, { focusArea: FOCUS_AREA, on: "2000-01-01" }));
    const client = api(server.url, await loginOf(admin, personId, subject));
    expectWrite(await coreTeamWrite(client), 201);
    ok(await admin.post(`/api/v1/people/${personId}/logins/removal`, { issuer: LOCAL_ISSUER, subject }));
    const problem = await expectRefused(() => coreTeamWrite(client), NOT_LINKED);
    expect(problem.detail).toContain(`"subject": "${subject}"`);
    await expectRefused(() => client.get(I), NOT_LINKED);
    expect((await client.get("/api/v1/me")).body).toMatchObject({ subject, person: null, unlinked: "not-linked", roles: [] });
  });

  it("an erased person: their login is 403, nothing appended; GET /me says erased", async () => {
    const { personId, client } = await aCoreTeamMember();
    expectWrite(await coreTeamWrite(client), 201);
    ok(await admin.post(`/api/v1/people/${personId}/erasure`, {}));
    await expectRefused(() => coreTeamWrite(client), /erased/);
    await expectRefused(() => client.get(I), /erased/);
    expect((await client.get("/api/v1/me")).body).toMatchObject({ person: null, unlinked: "erased", roles: [] });
  });
});

describe("links", () => {
  it("a login another person holds cannot be linked: 409 login-held-by-another-person, nothing appended", async () => {
    const first = await registeredPerson(admin);
    const second = await registeredPerson(admin);
    const subject = `e2e-shared-${first}`;
    await loginOf(admin, first, subject);
    const problem = expectProblem(
      await appendsNothing(auditor, () => admin.post(`/api/v1/people/${second}/logins`, { issuer: LOCAL_ISSUER, subject })),
      409,
      "/problems/login-held-by-another-person",
    );
    expect(problem.detail).toContain(first);
    // Linking it to its holder again changes nothing and is no error.
    ok(await admin.post(`/api/v1/people/${first}/logins`, { issuer: LOCAL_ISSUER, subject }));
  });

  it("a login unlinked from its holder may be linked to another person, and then acts as them", async () => {
    const first = await registeredPerson(admin);
    const second = await registeredPerson(admin);
    const subject = `e2e-moved-${first}`;
    const client = api(server.url, await loginOf(admin, first, subject));
    expect((await client.get("/api/v1/me")).body.person).toMatchObject({ id: first });
    ok(await admin.post(`/api/v1/people/${first}/logins/removal`, { issuer: LOCAL_ISSUER, subject }));
    ok(await admin.post(`/api/v1/people/${second}/logins`, { issuer: LOCAL_ISSUER, subject }));
    expect((await client.get("/api/v1/me")).body.person).toMatchObject({ id: second });
  });

  it("unlinking a login the person does not hold: 409 login-not-linked; linking one to an erased person: 409 person-erased", async () => {
    const personId = await registeredPerson(admin);
    expectProblem(
      await appendsNothing(auditor, () =>
        admin.post(`/api/v1/people/${personId}/logins/removal`, { issuer: LOCAL_ISSUER, subject: "e2e-never-linked" }),
      ),
      409,
      "/problems/login-not-linked",
    );
    ok(await admin.post(`/api/v1/people/${personId}/erasure`, {}));
    expectProblem(
      await appendsNothing(auditor, () =>
        admin.post(`/api/v1/people/${personId}/logins`, { issuer: LOCAL_ISSUER, subject: `e2e-late-${personId}` }),
      ),
      409,
      "/problems/person-erased",
    );
  });

  it("only an admin links and unlinks logins: the Core Team may not, nothing appended", async () => {
    const personId = await registeredPerson(admin);
    for (const path of [`/api/v1/people/${personId}/logins`, `/api/v1/people/${personId}/logins/removal`]) {
      await expectRefused(
        () => core.post(path, { issuer: LOCAL_ISSUER, subject: "e2e-by-core" }),
        /needs one of the roles admin/,
      );
    }
  });
});

/** An HS256 token of the test secret, issuer mandat, with these claims. */
const signedWith = (subject: string, claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer("mandat")
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(TEST_SECRET));

/** A person registered (by an admin of `url`) with this e-mail; returns their id. */
async function personWithEmail(adminOf: ApiClient, email: string): Promise<string> {
  const organisationId = ok(await adminOf.post("/api/v1/organisations", { name: "Länkade kommunen", kind: "municipality" })).id;
  return ok(await adminOf.post("/api/v1/people", { organisationId, name: `Person med ${email}`, email })).id;
}

/** The PersonLoginLinked events on a person's stream, as the auditor reads them. */
async function loginsLinked(auditorOf: ApiClient, personId: string): Promise<Array<Record<string, any>>> {
  const events = await auditorOf.get<Array<{ type: string; data: Record<string, any> }>>(
    `/api/v1/audit/events?streamId=person-${personId}`,
  );
  expect(events.status).toBe(200);
  return events.body.filter((event) => event.type === "PersonLoginLinked").map((event) => event.data);
}

describe("AUTH_LINK_BY_EMAIL=on: a first sign-in with a verified e-mail links the login", () => {
  let linking: MandatServer;
  let linkingAdmin: ApiClient;
  let linkingAuditor: ApiClient;

  beforeAll(async () => {
    linking = await startServer({ demo: "off", env: { AUTH_LINK_BY_EMAIL: "on" } });
    linkingAdmin = api(linking.url, await tokenFor("admin"));
    linkingAuditor = api(linking.url, await tokenFor("auditor"));
  });
  afterAll(async () => {
    await linking?.dispose();
  });

  it("email_verified: true and the e-mail of one registered person (any case): linked on the first request, recorded as verified-email", async () => {
    const personId = await personWithEmail(linkingAdmin, "anna.berg@example.se");
    const client = api(linking.url, await signedWith("idp-anna", { email: "Anna.Berg@Example.se", email_verified: true }));
    const me = await client.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ issuer: "mandat", subject: "idp-anna", person: { id: personId } });
    expect(me.body).not.toHaveProperty("unlinked");
    const linked = await loginsLinked(linkingAuditor, personId);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ issuer: "mandat", linkedBy: "verified-email" });
    // Only once: the next request finds the link.
    expect((await client.get("/api/v1/me")).body.person).toMatchObject({ id: personId });
    expect(await loginsLinked(linkingAuditor, personId)).toHaveLength(1);
  });

  it("a login linked by e-mail and then unlinked by an admin stays unlinked: the same token is 403, nothing appended", async () => {
    const personId = await personWithEmail(linkingAdmin, "cilla.lind@example.se");
    const subject = "idp-cilla";
    const client = api(linking.url, await signedWith(subject, { email: "cilla.lind@example.se", email_verified: true }));
    expect((await client.get("/api/v1/me")).body.person).toMatchObject({ id: personId });
    ok(await linkingAdmin.post(`/api/v1/people/${personId}/logins/removal`, { issuer: "mandat", subject }));
    const me = await appendsNothing(linkingAuditor, () => client.get("/api/v1/me"));
    expect(me.body).toMatchObject({ person: null, unlinked: "not-linked" });
    expect(await loginsLinked(linkingAuditor, personId)).toHaveLength(1);
    // An admin may link it again.
    ok(await linkingAdmin.post(`/api/v1/people/${personId}/logins`, { issuer: "mandat", subject }));
    expect((await client.get("/api/v1/me")).body.person).toMatchObject({ id: personId });
  });

  it("a person who has a login already gets no second one by e-mail: an admin links it", async () => {
    const personId = await personWithEmail(linkingAdmin, "dan.ek@example.se");
    ok(await linkingAdmin.post(`/api/v1/people/${personId}/logins`, { issuer: "mandat", subject: "idp-dan-first" }));
    const second = api(linking.url, await signedWith("idp-dan-second", { email: "dan.ek@example.se", email_verified: true }));
    const me = await appendsNothing(linkingAuditor, () => second.get("/api/v1/me"));
    expect(me.body).toMatchObject({ person: null, unlinked: "not-linked" });
    expect(await loginsLinked(linkingAuditor, personId)).toHaveLength(1);
  });

  it("email_verified false or absent: nothing is linked, nothing appended", async () => {
    const personId = await personWithEmail(linkingAdmin, "bo.ek@example.se");
    for (const [subject, claims] of [
      ["idp-bo-unverified", { email: "bo.ek@example.se", email_verified: false }],
      ["idp-bo-unsaid", { email: "bo.ek@example.se" }],
      ["idp-bo-string", { email: "bo.ek@example.se", email_verified: "true" }],
    ] as const) {
      const client = api(linking.url, await signedWith(subject, claims));
      const me = await appendsNothing(linkingAuditor, () => client.get("/api/v1/me"));
      expect(me.body, subject).toMatchObject({ person: null, unlinked: "not-linked" });
    }
    expect(await loginsLinked(linkingAuditor, personId)).toEqual([]);
  });

  it("an e-mail two registered people share, or no one has: nothing is linked", async () => {
    const first = await personWithEmail(linkingAdmin, "delad@example.se");
    const second = await personWithEmail(linkingAdmin, "delad@example.se");
    for (const email of ["delad@example.se", "ingen@example.se"]) {
      const client = api(linking.url, await signedWith(`idp-${email}`, { email, email_verified: true }));
      const me = await appendsNothing(linkingAuditor, () => client.get("/api/v1/me"));
      expect(me.body, email).toMatchObject({ person: null, unlinked: "not-linked" });
    }
    expect(await loginsLinked(linkingAuditor, first)).toEqual([]);
    expect(await loginsLinked(linkingAuditor, second)).toEqual([]);
  });
});

describe("AUTH_LINK_BY_EMAIL off (the default)", () => {
  it("a verified e-mail of a registered person links nothing", async () => {
    const personId = await personWithEmail(admin, "cecilia.lind@example.se");
    const client = api(server.url, await signedWith("idp-cecilia", { email: "cecilia.lind@example.se", email_verified: true }));
    const me = await appendsNothing(auditor, () => client.get("/api/v1/me"));
    expect(me.body).toMatchObject({ person: null, unlinked: "not-linked" });
    await expectRefused(() => client.get(I), NOT_LINKED);
    expect(await loginsLinked(auditor, personId)).toEqual([]);
  });
});

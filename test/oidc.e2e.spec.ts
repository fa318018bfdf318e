import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FOCUS_AREA, appendsNothing, expectProblem, expectWrite, ok } from "./support/fixtures.js";
import { type MandatServer, api, startServer, tokenFor } from "./support/mandat-server.js";

/**
 * OIDC mode: tokens verified against a JWKS (served here), with issuer and audience checked.
 * A token proves a login at the identity provider and carries its roles (admin, auditor);
 * the Core Team member below is a person of the log whose login an admin linked.
 */
const ISSUER = "https://idp.e2e.example/realms/mandat";
const AUDIENCE = "mandat-api";
const KID = "e2e-key-1";

let jwks: Server;
let jwksRequests = 0;
/** While true the JWKS endpoint answers 503, as an identity provider in an outage would. */
let jwksDown = false;
let jwksUrl: string;
let server: MandatServer;
let privateKey: CryptoKey;
let strangerKey: CryptoKey;

/** The login of the Core Team member: the provider's subject, linked to a person in the log. */
const MEMBER = "oidc-user-1";

interface Claims {
  readonly iss?: string;
  readonly aud?: string;
  readonly sub?: string;
  /** The top-level `roles` claim; none unless given. */
  readonly roles?: ReadonlyArray<string>;
  /** More claims, e.g. Keycloak's `realm_access`. */
  readonly claims?: Readonly<Record<string, unknown>>;
  readonly kid?: string;
  readonly key?: CryptoKey;
  readonly expiresAt?: number | string;
}

function sign({
  iss = ISSUER,
  aud = AUDIENCE,
  sub = MEMBER,
  roles,
  claims = {},
  kid = KID,
  key,
  expiresAt = "10m",
}: Claims = {}): Promise<string> {
  return new SignJWT({ name: "OIDC-användare", ...(roles === undefined ? {} : { roles }), ...claims })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setSubject(sub)
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .sign(key ?? privateKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  privateKey = pair.privateKey;
  strangerKey = (await generateKeyPair("RS256")).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: "RS256", use: "sig" };
  jwks = createServer((request, response) => {
    jwksRequests++;
    if (jwksDown) {
      response.writeHead(503).end();
      return;
    }
    if (request.url !== "/.well-known/jwks.json") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  const { port } = jwks.address() as AddressInfo;
  jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
  server = await startOidcServer();
  memberId = await linkedCoreTeamMember(server);
});

const startOidcServer = (env: Readonly<Record<string, string>> = {}) =>
  startServer({
    demo: "off",
    secret: null,
    env: { AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, ...env },
  });

let memberId: string;

/** An admin of the provider registers a person, makes them a Core Team member and links MEMBER's login to them. */
async function linkedCoreTeamMember(on: MandatServer): Promise<string> {
  const admin = api(on.url, await sign({ sub: "oidc-admin", roles: ["admin"] }));
  const organisationId = ok(await admin.post("/api/v1/organisations", { name: "OIDC-regionen", kind: "region" })).id;
  const personId = ok(await admin.post("/api/v1/people", { organisationId, name: "OIDC-användare" })).id;
  ok(await admin.post(`/api/v1/people/${personId}/core-team-membership`, { focusArea: FOCUS_AREA, on: "2000-01-01" }));
  ok(await admin.post(`/api/v1/people/${personId}/logins`, { issuer: ISSUER, subject: MEMBER }));
  return personId;
}

afterAll(async () => {
  await server?.dispose();
  jwks?.closeAllConnections();
  await new Promise((resolve) => jwks?.close(resolve));
});

describe("OIDC mode", () => {
  it("prints no development token", () => {
    expect(server.output()).toContain("Mandat is running at");
    expect(server.output()).not.toMatch(/\bey[\w-]+\.[\w-]+\.[\w-]+/);
  });

  it("a token with the right issuer and audience works, for reads and writes, as the person its login is linked to", async () => {
    const client = api(server.url, await sign());
    const me = await client.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ issuer: ISSUER, subject: MEMBER, person: { id: memberId }, roles: ["core-team"] });
    const list = await client.get("/api/v1/initiatives");
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(jwksRequests).toBeGreaterThan(0);
    const written = expectWrite(await client.post("/api/v1/organisations", { name: "OIDC-kommunen", kind: "municipality" }), 201);
    const auditor = api(server.url, await sign({ sub: "oidc-auditor", roles: ["auditor"] }));
    const events = await auditor.get(`/api/v1/audit/events?streamId=organisation-${written.id}`);
    expect(events.status).toBe(200);
    expect(events.body[0].metadata.actor).toEqual({ id: memberId, roles: ["core-team"] });
    expectProblem(await auditor.post("/api/v1/organisations", { name: "Nej", kind: "other" }), 403);
  });

  it("a token's core-team, initiative-lead and initiatives claims give nothing: a login linked to no one is 403", async () => {
    const { initiativeId } = await registeredInitiative();
    const claimant = api(
      server.url,
      await sign({ sub: "oidc-claimant", roles: ["core-team", "initiative-lead"], claims: { initiatives: [initiativeId] } }),
    );
    expect((await claimant.get("/api/v1/me")).body).toMatchObject({ roles: [], person: null, unlinked: "not-linked" });
    const auditor = api(server.url, await sign({ sub: "oidc-auditor", roles: ["auditor"] }));
    for (const attempt of [
      () => claimant.post("/api/v1/organisations", { name: "Påstådd", kind: "other" }),
      () => claimant.post(`/api/v1/initiatives/${initiativeId}/goals`, { statement: "Påstådd ledare" }),
    ]) {
      const problem = expectProblem(await appendsNothing(auditor, attempt), 403, "/problems/forbidden");
      expect(problem.detail).toContain(`issuer ${ISSUER}, subject oidc-claimant`);
    }
  });

  it("a wrong audience is 401", async () => {
    const response = await api(server.url, await sign({ aud: "another-api" })).get("/api/v1/initiatives");
    expectProblem(response, 401, "/problems/unauthenticated");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  });

  it("a wrong issuer is 401", async () => {
    expectProblem(await api(server.url, await sign({ iss: "https://evil.example/" })).get("/api/v1/initiatives"), 401);
  });

  it("a key the JWKS does not hold, an expired token, or an HS256 token is 401", async () => {
    expectProblem(await api(server.url, await sign({ key: strangerKey })).get("/api/v1/initiatives"), 401);
    expectProblem(await api(server.url, await sign({ key: strangerKey, kid: "unknown-kid" })).get("/api/v1/initiatives"), 401);
    expectProblem(
      await api(server.url, await sign({ expiresAt: Math.floor(Date.now() / 1000) - 60 })).get("/api/v1/initiatives"),
      401,
    );
    expectProblem(await api(server.url, await tokenFor("admin")).get("/api/v1/initiatives"), 401);
  });

  it("a JWKS that cannot be fetched is 503 with Retry-After, not 401; once it answers, the same token works", async () => {
    // A fresh server: the first one keeps the key set it fetched and would not ask again.
    const outage = await startOidcServer();
    try {
      // An admin of the provider: on this server's empty log, no login is linked to anyone.
      const client = api(outage.url, await sign({ sub: "oidc-admin", roles: ["admin"] }));
      jwksDown = true;
      const refused = await client.get("/api/v1/initiatives");
      expectProblem(refused, 503, "/problems/identity-provider-unavailable");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      jwksDown = false;
      expect((await client.get("/api/v1/initiatives")).status).toBe(200);
    } finally {
      jwksDown = false;
      await outage.dispose();
    }
  });
});

describe("OIDC mode, the provider's roles under names and a claim of its own (AUTH_ROLES_CLAIM, AUTH_ADMIN_ROLE)", () => {
  let keycloak: MandatServer;

  beforeAll(async () => {
    keycloak = await startOidcServer({ AUTH_ROLES_CLAIM: "realm_access.roles", AUTH_ADMIN_ROLE: "mandat-admin" });
  });
  afterAll(async () => {
    await keycloak?.dispose();
  });

  it("realm_access.roles holding mandat-admin: admin rights", async () => {
    const admin = api(
      keycloak.url,
      await sign({ sub: "kc-admin", claims: { realm_access: { roles: ["offline_access", "mandat-admin"] } } }),
    );
    expect((await admin.get("/api/v1/me")).body).toMatchObject({ subject: "kc-admin", roles: ["admin"] });
    expectWrite(await admin.post("/api/v1/organisations", { name: "Keycloak-kommunen", kind: "municipality" }), 201);
    expect((await admin.get("/api/v1/audit/events?limit=1")).status).toBe(200);
  });

  it("roles: [admin] at the top level, or admin under realm_access.roles: no rights on this server", async () => {
    const admin = api(keycloak.url, await sign({ sub: "kc-admin", claims: { realm_access: { roles: ["mandat-admin"] } } }));
    for (const claims of [{ roles: ["admin"] }, { realm_access: { roles: ["admin"] } }, { roles: ["mandat-admin"] }]) {
      const client = api(keycloak.url, await sign({ sub: "kc-not-admin", claims }));
      expect((await client.get("/api/v1/me")).body, JSON.stringify(claims)).toMatchObject({ roles: [], person: null });
      const refused = await client.post("/api/v1/organisations", { name: "Nej", kind: "other" });
      expectProblem(refused, 403, "/problems/forbidden");
      expectProblem(await client.get("/api/v1/audit/events?limit=1"), 403, "/problems/forbidden");
    }
    const names = (await admin.get("/api/v1/organisations")).body.map((organisation: { name: string }) => organisation.name);
    expect(names).not.toContain("Nej");
  });
});

/** An initiative registered by an admin of the provider (with an organisation of its own). */
async function registeredInitiative(): Promise<{ initiativeId: string }> {
  const admin = api(server.url, await sign({ sub: "oidc-admin", roles: ["admin"] }));
  const organisationId = ok(await admin.post("/api/v1/organisations", { name: "Initiativets kommun", kind: "municipality" })).id;
  const initiativeId = ok(
    await admin.post("/api/v1/initiatives", {
      name: "OIDC-initiativet",
      focusArea: FOCUS_AREA,
      description: "",
      organisationIds: [organisationId],
    }),
  ).id;
  return { initiativeId };
}

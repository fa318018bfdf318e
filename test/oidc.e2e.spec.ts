import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type CryptoKey, type JWK, SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, expectWrite } from "./support/fixtures.js";
import { type MandatServer, api, startServer, tokenFor } from "./support/mandat-server.js";

/** OIDC mode: tokens verified against a JWKS (served here), with issuer and audience checked. */
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

interface Claims {
  readonly iss?: string;
  readonly aud?: string;
  readonly roles?: ReadonlyArray<string>;
  readonly kid?: string;
  readonly key?: CryptoKey;
  readonly expiresAt?: number | string;
}

function sign({
  iss = ISSUER,
  aud = AUDIENCE,
  roles = ["core-team"],
  kid = KID,
  key,
  expiresAt = "10m",
}: Claims = {}): Promise<string> {
  return new SignJWT({ name: "OIDC-användare", roles, initiatives: [] })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setSubject("oidc-user-1")
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
});

const startOidcServer = () =>
  startServer({ demo: "off", secret: null, env: { AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE } });

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

  it("a token with the right issuer and audience works, for reads and writes, with its roles", async () => {
    const client = api(server.url, await sign());
    const list = await client.get("/api/v1/initiatives");
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(jwksRequests).toBeGreaterThan(0);
    const written = expectWrite(await client.post("/api/v1/organisations", { name: "OIDC-kommunen", kind: "municipality" }), 201);
    const auditor = api(server.url, await sign({ roles: ["auditor"] }));
    const events = await auditor.get(`/api/v1/audit/events?streamId=organisation-${written.id}`);
    expect(events.status).toBe(200);
    expect(events.body[0].metadata.actor).toEqual({ id: "oidc-user-1", roles: ["core-team"] });
    expectProblem(await auditor.post("/api/v1/organisations", { name: "Nej", kind: "other" }), 403);
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
      const client = api(outage.url, await sign());
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

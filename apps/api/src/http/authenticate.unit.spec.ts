import { IdentityProviderUnavailable, InvalidToken, type TokenVerifier } from "#platform";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ResolvePrincipal, authenticateApiRequests } from "./authenticate.js";

/** The hook on a bare Fastify: one API route that echoes its body, one public route. */
const GOOD_TOKEN = "good";
const verifyToken: TokenVerifier = async (token) => {
  if (token === "down") throw new IdentityProviderUnavailable({ reason: "the JWKS did not answer" });
  if (token !== GOOD_TOKEN) throw new InvalidToken({ reason: "signature verification failed" });
  return { issuer: "test", subject: "someone", emailVerified: false, roles: ["admin"], expiresAt: Date.now() + 60_000 };
};
const resolve: ResolvePrincipal = async (identity) => ({
  identity,
  principal: { id: identity.subject, roles: identity.roles },
  coreTeam: [],
});

const app = Fastify();
beforeAll(async () => {
  app.addHook("onRequest", authenticateApiRequests(verifyToken, resolve));
  app.post("/api/v1/things", async (request) => ({ body: request.body }));
  app.get("/health", async () => ({ status: "ok" }));
  await app.ready();
});
afterAll(() => app.close());

const post = (url: string, token?: string) =>
  app.inject({
    method: "POST",
    url,
    payload: '{"not": json',
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

describe("authenticateApiRequests", () => {
  it("refuses a request without a token before its body is read", async () => {
    const response = await post("/api/v1/things");
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("judges the route a request reached, however its URL is spelled", async () => {
    for (const url of ["/%61pi/v1/things", "/api/v1/%74hings", "/api/v1/things?x=1"]) {
      expect((await post(url)).statusCode, url).toBe(401);
    }
  });

  it("lets a valid token through to the body", async () => {
    expect((await post("/api/v1/things", GOOD_TOKEN)).statusCode).toBe(400);
  });

  it("answers 503 with Retry-After when the token cannot be checked", async () => {
    const response = await post("/api/v1/things", "down");
    expect(response.statusCode).toBe(503);
    expect(response.json().type).toBe("/problems/identity-provider-unavailable");
    expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("leaves routes outside the API alone", async () => {
    expect((await app.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
  });
});

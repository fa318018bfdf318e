import { SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_IDENTITY_SETTINGS, type IdentitySettings, identitySettings } from "./identity-settings.js";
import { InvalidToken, LOCAL_ISSUER, claimAt, signToken, tokenVerifier } from "./tokens.js";

const SECRET = "a-unit-test-secret-that-is-long-enough-for-hs256";
const HS256 = { mode: "hs256", secret: SECRET } as const;

/** An HS256 token with exactly these claims (and an expiry, which every token needs). */
const tokenWith = (claims: Record<string, unknown>, { sub = "login-1" }: { sub?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setExpirationTime("10m")
    .sign(new TextEncoder().encode(SECRET));

const verify = (token: string, settings: IdentitySettings = DEFAULT_IDENTITY_SETTINGS) =>
  tokenVerifier(HS256, settings, SECRET)(token);

const keycloak = identitySettings({
  AUTH_ROLES_CLAIM: "realm_access.roles",
  AUTH_ADMIN_ROLE: "mandat-admin",
  AUTH_AUDITOR_ROLE: "mandat-auditor",
  AUTH_LINK_BY_EMAIL: "off",
});

describe("claimAt", () => {
  it("takes a top-level claim whose name holds dots as it is, before any path", () => {
    const payload = { "https://mandat.example/roles": ["admin"], https: { "//mandat": "not this" } };
    expect(claimAt(payload, "https://mandat.example/roles")).toEqual(["admin"]);
    // A top-level name wins over the path the same dots would spell.
    expect(claimAt({ "realm_access.roles": ["flat"], realm_access: { roles: ["nested"] } }, "realm_access.roles")).toEqual([
      "flat",
    ]);
  });

  it("follows a dotted path into nested objects", () => {
    expect(claimAt({ realm_access: { roles: ["mandat-admin"] } }, "realm_access.roles")).toEqual(["mandat-admin"]);
    expect(claimAt({ a: { b: { c: "deep" } } }, "a.b.c")).toBe("deep");
    expect(claimAt({ roles: "admin" }, "roles")).toBe("admin");
  });

  it("is undefined when the claim or a step of the path is missing, or a step is no object", () => {
    expect(claimAt({}, "roles")).toBeUndefined();
    expect(claimAt({ realm_access: {} }, "realm_access.roles")).toBeUndefined();
    expect(claimAt({ other: { roles: ["admin"] } }, "realm_access.roles")).toBeUndefined();
    expect(claimAt({ realm_access: "admin" }, "realm_access.roles")).toBeUndefined();
    expect(claimAt({ realm_access: null }, "realm_access.roles")).toBeUndefined();
    expect(claimAt({ realm_access: [{ roles: ["admin"] }] }, "realm_access.0.roles")).toBeUndefined();
  });

  it("never answers with what an object inherits", () => {
    expect(claimAt({}, "constructor")).toBeUndefined();
    expect(claimAt({}, "toString")).toBeUndefined();
    expect(claimAt({ a: {} }, "a.constructor")).toBeUndefined();
  });
});

describe("the identity a verified token gives", () => {
  it("a token of the server's own, as signToken makes it: issuer mandat, subject, name, no roles", async () => {
    const identity = await verify(await signToken({ sub: "person-1", name: "Anna" }, SECRET));
    expect(identity).toMatchObject({ issuer: LOCAL_ISSUER, subject: "person-1", name: "Anna", roles: [], emailVerified: false });
    expect(LOCAL_ISSUER).toBe("mandat");
    expect(identity.expiresAt).toBeGreaterThan(Date.now());
  });

  it("an HS256 token that names no issuer is the server's own (mandat); one that names one keeps it", async () => {
    expect((await verify(await tokenWith({}))).issuer).toBe("mandat");
    expect((await verify(await tokenWith({ iss: "https://idp.example" }))).issuer).toBe("https://idp.example");
  });

  it("maps the provider's roles by the default names; core-team, initiative-lead and unknown names give nothing", async () => {
    const identity = await verify(await tokenWith({ roles: ["admin", "auditor", "core-team", "initiative-lead", "superuser"] }));
    expect(identity.roles).toEqual(["admin", "auditor"]);
    expect((await verify(await tokenWith({ roles: "auditor" }))).roles).toEqual(["auditor"]);
    expect((await verify(await tokenWith({ roles: ["core-team"], initiatives: ["i-1"] }))).roles).toEqual([]);
    expect((await verify(await tokenWith({ roles: [42, { admin: true }] }))).roles).toEqual([]);
  });

  it("maps the provider's roles by the configured claim and names only", async () => {
    const nested = await tokenWith({ realm_access: { roles: ["mandat-admin", "mandat-auditor", "offline_access"] } });
    expect((await verify(nested, keycloak)).roles).toEqual(["admin", "auditor"]);
    // The default names, or the default claim, mean nothing under other settings...
    expect((await verify(await tokenWith({ realm_access: { roles: ["admin"] } }), keycloak)).roles).toEqual([]);
    expect((await verify(await tokenWith({ roles: ["mandat-admin", "admin"] }), keycloak)).roles).toEqual([]);
    // ...and the configured names nothing under the defaults.
    expect((await verify(nested)).roles).toEqual([]);
  });

  it("says the e-mail is verified only for email_verified: true", async () => {
    const email = "anna@example.se";
    expect(await verify(await tokenWith({ email, email_verified: true }))).toMatchObject({ email, emailVerified: true });
    for (const claim of [{ email_verified: false }, {}, { email_verified: "true" }, { email_verified: 1 }]) {
      expect(await verify(await tokenWith({ email, ...claim }))).toMatchObject({ email, emailVerified: false });
    }
  });

  it("keeps name and e-mail only when they are strings", async () => {
    const identity = await verify(await tokenWith({ name: 7, email: ["a@b.se"] }));
    expect(identity).not.toHaveProperty("name");
    expect(identity).not.toHaveProperty("email");
  });

  it("refuses a token without a subject, or without an expiry", async () => {
    const noSubject = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(SECRET));
    await expect(verify(noSubject)).rejects.toBeInstanceOf(InvalidToken);
    const noExpiry = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("x")
      .sign(new TextEncoder().encode(SECRET));
    await expect(verify(noExpiry)).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe("an HS256 token accepted once", () => {
  afterEach(() => vi.useRealTimers());

  const at = (iso: string) => vi.setSystemTime(new Date(iso));
  const signedWith = (secret: string, times: { nbf?: string; exp: string }) =>
    new SignJWT({})
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject("login-1")
      .setNotBefore(new Date(times.nbf ?? "2000-01-01T00:00:00Z"))
      .setExpirationTime(new Date(times.exp))
      .sign(new TextEncoder().encode(secret));

  it("is accepted again, as the same identity, until it expires, and refused from its expiry on", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at("2026-01-01T12:00:00Z");
    const verifier = tokenVerifier(HS256, DEFAULT_IDENTITY_SETTINGS, SECRET);
    const token = await signedWith(SECRET, { exp: "2026-01-01T13:00:00Z" });
    const identity = await verifier(token);
    at("2026-01-01T12:59:59.999Z");
    expect(await verifier(token)).toBe(identity);
    at("2026-01-01T13:00:00Z");
    await expect(verifier(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it("is refused before its nbf, should the clock be set back", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at("2026-01-01T12:00:00Z");
    const verifier = tokenVerifier(HS256, DEFAULT_IDENTITY_SETTINGS, SECRET);
    const token = await signedWith(SECRET, { nbf: "2026-01-01T11:00:00Z", exp: "2026-01-01T13:00:00Z" });
    await verifier(token);
    at("2026-01-01T10:00:00Z");
    await expect(verifier(token)).rejects.toBeInstanceOf(InvalidToken);
  });

  it("says nothing for another token: one signed with another secret is refused every time", async () => {
    const verifier = tokenVerifier(HS256, DEFAULT_IDENTITY_SETTINGS, SECRET);
    await verifier(await tokenWith({}));
    const forged = await signedWith("another-secret-that-is-long-enough-for-hs256", { exp: "2099-01-01T00:00:00Z" });
    await expect(verifier(forged)).rejects.toBeInstanceOf(InvalidToken);
    await expect(verifier(forged)).rejects.toBeInstanceOf(InvalidToken);
  });
});

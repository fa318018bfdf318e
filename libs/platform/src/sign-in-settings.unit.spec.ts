import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const OIDC = {
  AUTH_ISSUER: "https://login.kommun.example",
  AUTH_JWKS_URL: "https://login.kommun.example/jwks",
};
const CLIENT = {
  AUTH_CLIENT_ID: "mandat",
  AUTH_CLIENT_SECRET: "a-client-secret-of-some-length",
  AUTH_REDIRECT_URL: "https://mandat.kommun.example/auth/callback",
};

const refusal = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).reason;
  }
  throw new Error("the configuration was accepted");
};

describe("the web sign-in's settings (AUTH_CLIENT_ID, AUTH_CLIENT_SECRET, AUTH_REDIRECT_URL)", () => {
  it("are off when none is set", () => {
    expect(loadConfig({}).signIn).toBeUndefined();
  });

  it("with OIDC mode: the client, whose id is the API's audience unless AUTH_AUDIENCE says another, and accepted beside it", () => {
    const config = loadConfig({ ...OIDC, ...CLIENT });
    expect(config.signIn).toEqual({
      clientId: "mandat",
      clientSecret: CLIENT.AUTH_CLIENT_SECRET,
      redirectUrl: CLIENT.AUTH_REDIRECT_URL,
    });
    expect(config.auth).toMatchObject({ mode: "oidc", audience: "mandat", clientId: "mandat" });
    expect(loadConfig({ ...OIDC, ...CLIENT, AUTH_AUDIENCE: "mandat-api" }).auth).toMatchObject({
      audience: "mandat-api",
      clientId: "mandat",
    });
  });

  it.each(Object.keys(CLIENT))("are refused without %s, naming all three", (missing) => {
    const env: Record<string, string> = { ...OIDC, ...CLIENT };
    delete env[missing];
    expect(refusal(env)).toContain("needs all of AUTH_CLIENT_ID, AUTH_CLIENT_SECRET and AUTH_REDIRECT_URL");
  });

  it("are refused without OIDC mode, or with a redirect URL not ending in /auth/callback", () => {
    expect(refusal({ ...CLIENT })).toContain("need OIDC mode");
    expect(refusal({ ...CLIENT, AUTH_JWT_SECRET: "x".repeat(32) })).toContain("need OIDC mode");
    expect(refusal({ ...OIDC, ...CLIENT, AUTH_REDIRECT_URL: "https://mandat.kommun.example/callback" })).toContain(
      "AUTH_REDIRECT_URL: must end in /auth/callback",
    );
    expect(refusal({ ...OIDC, ...CLIENT, AUTH_CLIENT_SECRET: "short" })).toContain("AUTH_CLIENT_SECRET");
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok } from "../support/fixtures.js";
import { eventually, expectAccessible, launchChromium, newContext, watchPolicyViolations } from "../support/browser.js";
import { type MandatServer, api, startServer } from "../support/mandat-server.js";
import { type OidcProvider, freePort, startOidcProvider } from "../support/oidc-provider.js";

/**
 * The production sign-in: the server runs OpenID Connect's authorization code flow with PKCE
 * against a real provider (oidc-provider, started here) and keeps the ID token in its sealed
 * session cookie. The server runs as in production (NODE_ENV=production, OIDC mode, no
 * development sign-in). An admin of the provider links the provider's login `anna.k` to a
 * Core Team member of the demo, who then signs in in Chromium at the provider's own pages.
 * The refusals (state, CSRF, provider errors) are driven over HTTP with a cookie jar.
 */
const CORE_TEAM_MEMBER = "Deltagare Västerås 1";
const LOGIN = "anna.k";
const BROWSER_TIMEOUT_MS = 60_000;

let provider: OidcProvider;
let server: MandatServer;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  const redirectUrl = `http://127.0.0.1:${port}/auth/callback`;
  [provider, browser] = await Promise.all([
    startOidcProvider({
      redirectUri: redirectUrl,
      accounts: [{ sub: LOGIN, name: "Anna Karlsson", email: "anna.karlsson@vasteras.example", roles: [] }],
    }),
    launchChromium(),
  ]);
  server = await startServer({
    secret: null,
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      AUTH_ISSUER: provider.issuer,
      AUTH_JWKS_URL: provider.jwksUrl,
      // No AUTH_AUDIENCE: the client id is the API's audience too.
      AUTH_CLIENT_ID: provider.clientId,
      AUTH_CLIENT_SECRET: provider.clientSecret,
      AUTH_REDIRECT_URL: redirectUrl,
    },
  });
  const admin = api(server.url, await provider.token({ sub: "idp-admin", roles: ["admin"] }));
  const people = (await admin.get<Array<{ id: string; name: string }>>("/api/v1/people?limit=200")).body;
  const member = people.find((person) => person.name === CORE_TEAM_MEMBER);
  if (!member) throw new Error(`No ${CORE_TEAM_MEMBER} in the demo`);
  ok(await admin.post(`/api/v1/people/${member.id}/logins`, { issuer: provider.issuer, subject: LOGIN }));
}, BROWSER_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await provider?.close();
});

/** Cookies by origin, as a browser keeps them (a cleared cookie is gone). */
class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();
  /** Every Set-Cookie the jar took, as sent. */
  readonly received: string[] = [];

  take(url: string, response: Response): void {
    const jar = this.of(url);
    for (const header of response.headers.getSetCookie()) {
      this.received.push(header);
      const pair = header.split(";")[0]!;
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value === "" || /max-age=0\b/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
  }

  header(url: string): string {
    return [...this.of(url)].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get(url: string, name: string): string | undefined {
    return this.of(url).get(name);
  }

  private of(url: string): Map<string, string> {
    const origin = new URL(url).origin;
    if (!this.cookies.has(origin)) this.cookies.set(origin, new Map());
    return this.cookies.get(origin)!;
  }
}

/** One request with the jar's cookies, no redirect followed. */
async function step(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
  });
  jar.take(url, response);
  return response;
}

/** Follows redirects until an answer that is not one; every URL visited, in order. */
async function follow(jar: CookieJar, url: string, init: RequestInit = {}): Promise<{ response: Response; visited: string[] }> {
  const visited = [url];
  let response = await step(jar, url, init);
  while (response.status >= 300 && response.status < 400) {
    const next = new URL(response.headers.get("location")!, visited.at(-1)).href;
    visited.push(next);
    response = await step(jar, next);
  }
  return { response, visited };
}

/** Submits the provider's one form on the page (its development login, then its consent). */
async function submitProviderForm(jar: CookieJar, page: Response, pageUrl: string, fields: Record<string, string>) {
  const action = (await page.text()).match(/<form[^>]*action="([^"]+)"/)?.[1];
  if (!action) throw new Error(`No form at ${pageUrl}`);
  return follow(jar, new URL(action.replaceAll("&amp;", "&"), pageUrl).href, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The whole sign-in over HTTP: Mandat → the provider's login and consent → Mandat's callback → returnTo. */
async function signInOverHttp(returnTo = "/") {
  const jar = new CookieJar();
  const login = await follow(jar, `${server.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  const consent = await submitProviderForm(jar, login.response, login.visited.at(-1)!, {
    prompt: "login",
    login: LOGIN,
    password: "whatever",
  });
  const landed = await submitProviderForm(jar, consent.response, consent.visited.at(-1)!, { prompt: "consent" });
  return { jar, landed };
}

/** The state the server sent the provider, from the authorization redirect of a sign-in just begun. */
async function begunSignIn(jar: CookieJar): Promise<string> {
  const response = await step(jar, `${server.url}/auth/login`);
  expect(response.status).toBe(302);
  const authorization = new URL(response.headers.get("location")!);
  expect(authorization.origin).toBe(provider.issuer);
  return authorization.searchParams.get("state")!;
}

const callback = (jar: CookieJar, query: string) => step(jar, `${server.url}/auth/callback?${query}`);

describe("the OpenID Connect sign-in, over HTTP", () => {
  it("offers OIDC and not the development sign-in, which is 404 in production", async () => {
    const options = await fetch(`${server.url}/auth/options`);
    expect(await options.json()).toEqual({ development: false, oidc: true });
    expect((await fetch(`${server.url}/auth/development/people`)).status).toBe(404);
    const signIn = await fetch(`${server.url}/auth/development/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subject: "anyone" }),
    });
    expect(signIn.status).toBe(404);
  });

  it("sends the browser to the provider with the code flow, PKCE S256, state and nonce, keeping them in a sealed cookie", async () => {
    const jar = new CookieJar();
    const response = await step(jar, `${server.url}/auth/login`);
    const url = new URL(response.headers.get("location")!);
    expect(url.href.startsWith(`${provider.issuer}/`)).toBe(true);
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({
      response_type: "code",
      client_id: provider.clientId,
      redirect_uri: `${server.url}/auth/callback`,
      scope: "openid profile email",
      code_challenge_method: "S256",
    });
    expect(query.state).toMatch(/^[\w-]{43}$/);
    expect(query.nonce).toMatch(/^[\w-]{43}$/);
    expect(query.code_challenge).toMatch(/^[\w-]{43}$/);
    const pending = jar.received.find((cookie) => cookie.startsWith("mandat-sign-in="))!;
    expect(pending).toMatch(/; HttpOnly/);
    expect(pending).toMatch(/; Secure/);
    expect(pending).toMatch(/; SameSite=Lax/);
    expect(pending).toMatch(/Path=\/auth\/callback/);
    // Sealed: neither the state nor the verifier can be read from it.
    expect(pending).not.toContain(query.state);
  });

  it("signs in as the linked person: a Secure, HttpOnly, SameSite=Strict session whose reads are that person's", async () => {
    const { jar, landed } = await signInOverHttp("/portfolj");
    expect(landed.visited.at(-1)).toBe(`${server.url}/portfolj`);
    expect(landed.response.status).toBe(200);
    const session = jar.received.find((cookie) => /^mandat-session=[^;]/.test(cookie))!;
    for (const flag of ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"]) expect(session).toContain(`; ${flag}`);
    const csrf = jar.received.find((cookie) => /^mandat-csrf=[^;]/.test(cookie))!;
    expect(csrf).not.toContain("HttpOnly");
    expect(csrf).toContain("; Secure");
    // The session lasts as long as the ID token (an hour at this provider), no longer.
    const maxAge = Number(session.match(/Max-Age=(\d+)/)![1]);
    expect(maxAge).toBeGreaterThan(3500);
    expect(maxAge).toBeLessThanOrEqual(3600);
    expect(jar.get(server.url, "mandat-sign-in")).toBeUndefined();

    const me = await step(jar, `${server.url}/api/v1/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      issuer: provider.issuer,
      subject: LOGIN,
      person: { name: CORE_TEAM_MEMBER },
      roles: ["core-team"],
    });

    const write = { name: "Kommunen via OIDC", kind: "municipality" };
    const json = { "content-type": "application/json" };
    const refused = await step(jar, `${server.url}/api/v1/organisations`, {
      method: "POST",
      headers: json,
      body: JSON.stringify(write),
    });
    expect(refused.status).toBe(403);
    const accepted = await step(jar, `${server.url}/api/v1/organisations`, {
      method: "POST",
      headers: { ...json, "x-csrf-token": jar.get(server.url, "mandat-csrf")! },
      body: JSON.stringify(write),
    });
    expect(accepted.status).toBe(201);

    const signOut = await step(jar, `${server.url}/auth/sign-out`, {
      method: "POST",
      headers: { ...json, "x-csrf-token": jar.get(server.url, "mandat-csrf")! },
      body: "{}",
    });
    expect(signOut.status).toBe(204);
    expect(jar.get(server.url, "mandat-session")).toBeUndefined();
    expect(jar.get(server.url, "mandat-csrf")).toBeUndefined();
    expect((await step(jar, `${server.url}/api/v1/me`)).status).toBe(401);
  });

  it("a wrong state, a callback without a sign-in begun, or one used twice goes to the sign-in page with fel=bad-state", async () => {
    const jar = new CookieJar();
    const state = await begunSignIn(jar);
    const wrong = await callback(jar, `code=anything&state=${state.slice(1)}x`);
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/logga-in?fel=bad-state");
    // The pending sign-in ended with that answer: its right state no longer works either.
    expect((await callback(jar, `code=anything&state=${state}`)).headers.get("location")).toBe("/logga-in?fel=bad-state");
    expect((await callback(new CookieJar(), "code=anything&state=anything")).headers.get("location")).toBe(
      "/logga-in?fel=bad-state",
    );
    expect(jar.get(server.url, "mandat-session")).toBeUndefined();
  });

  it("the provider's refusal and a code it does not know go to the sign-in page, never a 500", async () => {
    const refusedJar = new CookieJar();
    const state = await begunSignIn(refusedJar);
    const refused = await callback(refusedJar, `error=access_denied&error_description=nej&state=${state}`);
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/logga-in?fel=provider-refused");

    const jar = new CookieJar();
    const exchange = await callback(
      jar,
      `code=not-a-code&state=${await begunSignIn(jar)}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expect(exchange.status).toBe(303);
    expect(exchange.headers.get("location")).toBe("/logga-in?fel=exchange-failed");
    expect(jar.get(server.url, "mandat-session")).toBeUndefined();
  });

  it("returns only to a path of its own origin", async () => {
    for (const returnTo of ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]) {
      const { landed } = await signInOverHttp(returnTo);
      expect(landed.visited.at(-1)).toBe(`${server.url}/`);
    }
  });
});

describe("the OpenID Connect sign-in, in the browser", () => {
  it(
    "sends a visitor to sign in, through the provider's pages to To do with the person's name and roles; signs out",
    async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await watchPolicyViolations(page);
      await page.goto(`${server.url}/`);
      await eventually(() => page.getByRole("heading", { level: 1, name: "Logga in" }).isVisible()).toBe(true);
      expect(new URL(page.url()).pathname).toBe("/logga-in");
      await expect(page.getByRole("button", { name: /^Logga in som/ }).count()).resolves.toBe(0);
      await expectAccessible(page, "the OIDC sign-in page (sv)");

      await page.getByRole("link", { name: "Logga in" }).click();
      // The provider's development interactions: any login, any password, then consent.
      await page.locator('input[name="login"]').fill(LOGIN);
      await page.locator('input[name="password"]').fill("whatever");
      await page.getByRole("button", { name: "Sign-in" }).click();
      await page.getByRole("button", { name: "Continue" }).click();

      await eventually(() => page.getByRole("heading", { level: 1, name: "Att göra" }).isVisible()).toBe(true);
      const main = page.getByRole("main");
      await eventually(() => main.getByText(`Inloggad som ${CORE_TEAM_MEMBER}`).isVisible()).toBe(true);
      expect(await main.getByText("Roller: Core Team").isVisible()).toBe(true);

      const cookies = await context.cookies(server.url);
      const session = cookies.find((cookie) => cookie.name === "mandat-session")!;
      expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict" });
      // No token for the page's scripts: they see the CSRF secret and nothing else.
      const readable = await page.evaluate<string>("document.cookie");
      expect(readable.split("; ").map((cookie) => cookie.split("=")[0])).toEqual(["mandat-csrf"]);

      await page.getByRole("button", { name: "Logga ut" }).click();
      await eventually(() => page.getByRole("heading", { level: 1, name: "Logga in" }).isVisible()).toBe(true);
      // (The provider's own cookies stay: same host, another port. Signing out ends Mandat's session only.)
      const left = (await context.cookies(server.url)).map((cookie) => cookie.name).filter((name) => name.startsWith("mandat-"));
      expect(left).toEqual([]);
      await context.close();
    },
    BROWSER_TIMEOUT_MS,
  );

  it("says why a sign-in failed, at the top, in Swedish and in English", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/logga-in?fel=bad-state`);
    const summary = page.getByRole("alert");
    await eventually(() => summary.getByRole("heading", { name: "Du loggades inte in" }).isVisible()).toBe(true);
    expect(await summary.getByText(/startades i en annan flik/).isVisible()).toBe(true);
    await expectAccessible(page, "the sign-in page with an error (sv)");
    await page.getByRole("button", { name: "In English" }).click();
    await eventually(() => summary.getByRole("heading", { name: "You were not signed in" }).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { level: 1, name: "Sign in" }).isVisible()).toBe(true);
    await expectAccessible(page, "the sign-in page with an error (en)");
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MandatServer, startServer } from "../support/mandat-server.js";

/**
 * Issue 13: the server serves the web app at / (same origin, under the API's CSP), and its
 * development sign-in sets a cookie session that the API accepts, writes only with the
 * CSRF header. Development sign-in exists only when the server generated its own secret.
 */
let development: MandatServer;
let configured: MandatServer;

beforeAll(async () => {
  [development, configured] = await Promise.all([startServer({ secret: null }), startServer({ demo: "off" })]);
});

afterAll(async () => {
  await development?.dispose();
  await configured?.dispose();
});

const cookiesOf = (response: Response): string[] => response.headers.getSetCookie();

/** Signs in as the first lead the development page lists: the Cookie header to send, and the CSRF secret. */
async function signedIn(): Promise<{ cookie: string; csrf: string; subject: string }> {
  const people = (await (await fetch(`${development.url}/auth/development/people`)).json()) as Array<{
    subject: string;
    label: string;
  }>;
  const lead = people.find((person) => person.label.startsWith("Initiativledare"))!;
  const response = await fetch(`${development.url}/auth/development/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ subject: lead.subject }),
  });
  expect(response.status).toBe(204);
  const cookies = cookiesOf(response).map((cookie) => cookie.split(";")[0]!);
  const csrf = cookies.find((cookie) => cookie.startsWith("mandat-csrf="))!.slice("mandat-csrf=".length);
  return { cookie: cookies.join("; "), csrf, subject: lead.subject };
}

describe("the web app at /", () => {
  it("serves index.html, revalidated, with its scripts and styles as files the CSP allows", async () => {
    const response = await fetch(`${configured.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    const asset = await fetch(`${configured.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers the app's own pages with index.html, and never the server's paths", async () => {
    for (const page of ["/logga-in", "/initiativ/abc/ny-signal"]) {
      const response = await fetch(`${configured.url}${page}`);
      expect(response.status, page).toBe(200);
      expect(await response.text(), page).toContain('<div id="root">');
    }
    for (const path of [
      "/api/v1/nothing",
      "/%61pi/v1/nothing",
      "/docs/nothing",
      "/health/nothing",
      "/problems/x/y",
      "/auth/nothing",
      "/assets/missing.js",
    ]) {
      const response = await fetch(`${configured.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/problem\+json/);
    }
  });
});

describe("development sign-in and the cookie session", () => {
  it("is 404 when the secret was given (AUTH_JWT_SECRET), as it would be in production or with OIDC", async () => {
    expect((await fetch(`${configured.url}/auth/development/people`)).status).toBe(404);
    const signIn = await fetch(`${configured.url}/auth/development/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subject: "dev-admin" }),
    });
    expect(signIn.status).toBe(404);
    expect(cookiesOf(signIn)).toEqual([]);
  });

  it("sets an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie", async () => {
    const people = await fetch(`${development.url}/auth/development/people`);
    expect(people.status).toBe(200);
    const list = (await people.json()) as Array<{ name: string }>;
    expect(list.length).toBeGreaterThan(0);
    const response = await fetch(`${development.url}/auth/development/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subject: "dev-auditor" }),
    });
    expect(response.status).toBe(204);
    const [session, csrf] = cookiesOf(response);
    expect(session).toMatch(/^mandat-session=[^;]+; HttpOnly; Path=\/; SameSite=Strict; Max-Age=\d+$/);
    expect(csrf).toMatch(/^mandat-csrf=[\w-]+; Path=\/; SameSite=Strict; Max-Age=\d+$/);
    expect(session).not.toContain("Secure"); // plain http here; https adds Secure
  });

  it("authenticates reads with the cookie, and writes only with the CSRF secret echoed", async () => {
    const { cookie, csrf, subject } = await signedIn();
    const me = await fetch(`${development.url}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { subject: string }).subject).toBe(subject);

    const write = (headers: Record<string, string>) =>
      fetch(`${development.url}/api/v1/signals`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", "accept-language": "sv", ...headers },
        body: "{}",
      });
    const withoutHeader = await write({});
    expect(withoutHeader.status).toBe(403);
    expect(withoutHeader.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await write({ "x-csrf-token": "not-the-secret" })).status).toBe(403);
    // With the secret the write reaches the API's own checks: here the empty body's, in Swedish.
    const checked = await write({ "x-csrf-token": csrf });
    expect(checked.status).toBe(400);
    expect(((await checked.json()) as { title: string }).title).toBe("Ogiltig begäran");
  });

  it("a forged or altered cookie authenticates no one; signing out clears both cookies", async () => {
    const { cookie, csrf } = await signedIn();
    const forged = cookie.replace(/mandat-session=([^;]*)/, (_, value: string) => `mandat-session=${value.slice(0, -4)}AAAA`);
    const refused = await fetch(`${development.url}/api/v1/me`, { headers: { cookie: forged } });
    expect(refused.status).toBe(401);
    // It says what happened to the session, not to send a bearer token a browser never sends.
    expect(((await refused.json()) as { detail: string }).detail).toBe("The session is no longer valid: sign in again");

    expect((await fetch(`${development.url}/auth/sign-out`, { method: "POST", headers: { cookie } })).status).toBe(403);
    const signOut = await fetch(`${development.url}/auth/sign-out`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect(signOut.status).toBe(204);
    expect(cookiesOf(signOut).every((set) => /^mandat-(session|csrf)=; .*Max-Age=0/.test(set))).toBe(true);
  });
});

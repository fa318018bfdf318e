import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MandatServer, runUntilExit, startServer, tokenFor } from "./support/mandat-server.js";

/**
 * Issue 15, "Headers": security headers on every answer, a content security policy that a
 * same-origin web app (scripts and styles as files) and the /docs page pass, and CORS only
 * for the origins MANDAT_CORS_ORIGINS lists.
 */
const ALLOWED = "https://mandat.vasteras.se";

let plain: MandatServer;
let withCors: MandatServer;
let token: string;

beforeAll(async () => {
  [plain, withCors] = await Promise.all([
    startServer({ demo: "off" }),
    startServer({ demo: "off", env: { MANDAT_CORS_ORIGINS: `${ALLOWED}, https://mandat.eskilstuna.se` } }),
  ]);
  token = await tokenFor("auditor");
});

afterAll(async () => {
  await plain?.dispose();
  await withCors?.dispose();
});

/** The policy's directives: `script-src 'self'` → { "script-src": ["'self'"] }. */
const directives = (policy: string | null): Record<string, string[]> =>
  Object.fromEntries(
    (policy ?? "")
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );

describe("security headers", () => {
  it.each([
    ["a read", "/api/v1/initiatives", true],
    ["a refusal before any handler (401)", "/api/v1/initiatives", false],
    ["an unknown path (404)", "/nowhere", true],
    ["the health check", "/health/live", false],
  ])("on %s", async (_what, path, authenticated) => {
    const response = await fetch(`${plain.url}${path}`, authenticated ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  });

  it("the policy lets a same-origin web app run: scripts and styles from the origin only, nothing inline, no framing", async () => {
    const policy = directives((await fetch(`${plain.url}/health/live`)).headers.get("content-security-policy"));
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["script-src-attr"]).toEqual(["'none'"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    const styles = policy["style-src"]!;
    expect(styles[0]).toBe("'self'");
    expect(styles.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))).toBe(true);
    for (const sources of Object.values(policy)) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
    }
  });

  it("the /docs page passes it: scripts only from the server's own files, and its one inline style allowed by hash", async () => {
    const response = await fetch(`${plain.url}/docs`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    // Swagger UI is loaded and started by files the server serves, never by inline script.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/docs\/assets\/[\w.-]+\.js"/);
      expect(body!.trim()).toBe("");
    }
    expect(html).not.toMatch(/\son[a-z]+=|style="/i);
    const inlineStyles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
    expect(inlineStyles).toHaveLength(1);
    const hash = `'sha256-${createHash("sha256").update(inlineStyles[0]!).digest("base64")}'`;
    expect(directives(response.headers.get("content-security-policy"))["style-src"]).toContain(hash);
  });
});

describe("CORS", () => {
  const preflight = (server: MandatServer, origin: string) =>
    fetch(`${server.url}/api/v1/organisations`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, idempotency-key",
      },
    });

  it("off by default: no origin is allowed, not even in a preflight", async () => {
    const response = await preflight(plain, ALLOWED);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const read = await fetch(`${plain.url}/api/v1/initiatives`, {
      headers: { origin: ALLOWED, authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("an origin in MANDAT_CORS_ORIGINS is allowed, and the preflight answered before any token is asked for", async () => {
    const response = await preflight(withCors, ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const read = await fetch(`${withCors.url}/api/v1/initiatives`, {
      headers: { origin: ALLOWED, authorization: `Bearer ${token}` },
    });
    expect(read.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(read.headers.get("access-control-expose-headers")).toMatch(/ETag/);
    expect(read.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("an origin not in the list is not allowed", async () => {
    const response = await preflight(withCors, "https://angripare.example");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("a list holding something that is not an origin is refused at start", async () => {
    const { exitCode, output } = await runUntilExit({ env: { MANDAT_CORS_ORIGINS: "https://ok.example,*" } });
    expect(exitCode).toBe(78);
    expect(output).toMatch(/MANDAT_CORS_ORIGINS/);
  });
});

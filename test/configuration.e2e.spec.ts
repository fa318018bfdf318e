import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { after, expectWrite, logHead } from "./support/fixtures.js";
import {
  type ApiClient,
  type ApiResponse,
  type MandatServer,
  api,
  freshDataDir,
  runUntilExit,
  serverForFile,
  startServer,
  tokenFor,
} from "./support/mandat-server.js";

/** MANDAT_DEMO=off, NODE_ENV=production, GET /health and the documentation at /docs. */
let server: MandatServer;
let auditor: ApiClient;
let anonymous: ApiClient;

serverForFile((started) => ({ server, auditor, anonymous } = started));

/** The server as it started, read before any test writes to it (GET /health writes). */
let atStart: { initiatives: ApiResponse; events: ApiResponse; verify: ApiResponse };
beforeAll(async () => {
  atStart = {
    initiatives: await auditor.get("/api/v1/initiatives"),
    events: await auditor.get("/api/v1/audit/events"),
    verify: await auditor.get("/api/v1/audit/verify"),
  };
});

describe("MANDAT_DEMO=off", () => {
  it("starts empty: no initiatives, and a log that holds only the suite's own Core Team member and verifies", () => {
    expect(server.output()).not.toMatch(/loaded the demo/i);
    expect(atStart.initiatives.status).toBe(200);
    expect(atStart.initiatives.body).toEqual([]);
    // serverForFile signs a Core Team member in through the log: an admin registered them and linked a login.
    const setUp = ["OrganisationRegistered", "PersonRegistered", "CoreTeamMembershipStarted", "PersonLoginLinked"];
    expect((atStart.events.body as Array<{ type: string }>).map((event) => event.type)).toEqual(setUp);
    expect(atStart.verify.body).toMatchObject({ ok: true, checkedEvents: setUp.length });
  });

  it("prints the URL and the docs URL; no development token with an explicit AUTH_JWT_SECRET", () => {
    expect(server.output()).toContain(`Mandat is running at ${server.url}`);
    expect(server.output()).toContain(`${server.url}/docs`);
    // Tokens are printed only for a generated secret: embedded-default.e2e.spec.ts checks them.
    expect(server.output()).not.toMatch(/\bey[\w-]+\.[\w-]+\.[\w-]+/);
  });
});

describe.concurrent("NODE_ENV=production, and a refused configuration", () => {
  it("refuses to start without AUTH_JWT_SECRET or AUTH_JWKS_URL: exit 78, and says why", async () => {
    const { exitCode, output, timedOut } = await runUntilExit({ demo: "off", secret: null, env: { NODE_ENV: "production" } });
    expect(timedOut).toBe(false);
    expect(exitCode).toBe(78);
    expect(output).toMatch(/production/);
    expect(output).toMatch(/AUTH_JWT_SECRET/);
    expect(output).not.toContain("Mandat is running at");
  });

  it("starts with AUTH_JWT_SECRET, and prints no development token", async () => {
    const production = await startServer({ demo: "off", env: { NODE_ENV: "production" } });
    try {
      expect(production.output()).toContain("Mandat is running at");
      expect(production.output()).not.toMatch(/\bey[\w-]+\.[\w-]+\.[\w-]+/);
      expect((await api(production.url, await tokenFor("auditor")).get("/api/v1/initiatives")).status).toBe(200);
    } finally {
      await production.dispose();
    }
  });

  it("an invalid configuration (a short AUTH_JWT_SECRET) is refused and named", async () => {
    const { exitCode, output } = await runUntilExit({ demo: "off", secret: "too-short" });
    expect(exitCode).toBe(78);
    expect(output).toMatch(/AUTH_JWT_SECRET/);
    expect(output).toMatch(/at least 32 characters/);
  });

  it("a path it cannot use (a file where a folder should be) is refused naming its variable: exit 78", async () => {
    const dataDir = freshDataDir();
    try {
      writeFileSync(join(dataDir, "in-the-way"), "");
      const { exitCode, output } = await runUntilExit({
        demo: "off",
        dataDir,
        env: { MANDAT_READ_MODELS_PATH: join(dataDir, "in-the-way", "read-models.sqlite") },
      });
      expect(exitCode).toBe(78);
      expect(output).toMatch(
        /Mandat cannot start: MANDAT_READ_MODELS_PATH=\S+: cannot create the folder \S+in-the-way: \S+ is not a folder/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("GET /health", () => {
  it('is 200 `{ status: "ok" }` without a token, with the projections and their positions', async () => {
    const core = api(server.url, await tokenFor("admin"));
    const written = expectWrite(await core.post("/api/v1/organisations", { name: "Hälsosam", kind: "other" }), 201);
    await core.get(after("/api/v1/organisations", written.position));
    const health = await anonymous.get("/health");
    expect(health.status).toBe(200);
    expect(health.headers.get("content-type")).toMatch(/^application\/json/);
    expect(health.body.status).toBe("ok");
    expect(health.body.headPosition).toBe(await logHead(auditor));
    expect(Array.isArray(health.body.projections)).toBe(true);
    expect(health.body.projections.length).toBeGreaterThan(5);
    for (const projection of health.body.projections) {
      expect(typeof projection.name).toBe("string");
      expect(Number.isInteger(projection.position)).toBe(true);
      expect(projection.position).toBe(written.position);
    }
  });
});

/** The v1 endpoints of docs/api.md "Endpoints" (those not marked "not in v1"): method, path and roles ("any": any authenticated role; "none": no token). */
const LEAD = ["core-team", "initiative-lead"];
const CORE = ["core-team"];
const ADMIN = ["admin", "core-team"];
const CONTRACT: ReadonlyArray<readonly [string, string, ReadonlyArray<string> | "any" | "none"]> = [
  ["get", "/health", "none"],
  ["post", "/api/v1/organisations", ADMIN],
  ["post", "/api/v1/organisations/{id}/governing-contexts", ADMIN],
  ["post", "/api/v1/people", ADMIN],
  ["post", "/api/v1/initiatives", ADMIN],
  ["get", "/api/v1/initiatives", "any"],
  ["get", "/api/v1/initiatives/{id}", "any"],
  ["post", "/api/v1/initiatives/{id}/leads", ADMIN],
  ["post", "/api/v1/initiatives/{id}/goals", LEAD],
  ["post", "/api/v1/initiatives/{id}/goals/{goalId}/revisions", LEAD],
  ["post", "/api/v1/initiatives/{id}/goals/{goalId}/achievement", LEAD],
  ["post", "/api/v1/initiatives/{id}/goals/{goalId}/drop", LEAD],
  ["post", "/api/v1/initiatives/{id}/mandates", CORE],
  ["post", "/api/v1/initiatives/{id}/mandates/{mandateId}/amendments", CORE],
  ["post", "/api/v1/initiatives/{id}/mandates/{mandateId}/renewal", CORE],
  ["post", "/api/v1/initiatives/{id}/mandates/{mandateId}/revocation", CORE],
  ["get", "/api/v1/initiatives/{id}/mandates", "any"],
  ["post", "/api/v1/initiatives/{id}/check-ins", LEAD],
  ["post", "/api/v1/initiatives/{id}/check-in-cadence", CORE],
  ["post", "/api/v1/initiatives/{id}/governing-contexts", ADMIN],
  ["post", "/api/v1/initiatives/{id}/closure", CORE],
  ["get", "/api/v1/initiatives/{id}/tensions/timeline", "any"],
  ["post", "/api/v1/signals", LEAD],
  ["get", "/api/v1/signals", "any"],
  ["post", "/api/v1/signals/{id}/acknowledgement", CORE],
  ["post", "/api/v1/signals/{id}/answer", CORE],
  ["post", "/api/v1/signals/{id}/withdrawal", LEAD],
  ["post", "/api/v1/tensions", LEAD],
  ["post", "/api/v1/tensions/{id}/intensity", LEAD],
  ["post", "/api/v1/tensions/{id}/escalation", LEAD],
  ["post", "/api/v1/tensions/{id}/resolution", LEAD],
  ["post", "/api/v1/meetings", CORE],
  ["get", "/api/v1/meetings/{id}", "any"],
  ["post", "/api/v1/meetings/{id}/decisions", CORE],
  ["post", "/api/v1/meetings/{id}/comments", CORE],
  ["post", "/api/v1/meetings/{id}/next-steps", CORE],
  ["post", "/api/v1/meetings/{id}/approval", CORE],
  ["post", "/api/v1/meetings/{id}/corrections", CORE],
  ["post", "/api/v1/budgets/{focusArea}/{year}/proposal", CORE],
  ["post", "/api/v1/budgets/{focusArea}/{year}/approval", CORE],
  ["get", "/api/v1/budgets/{focusArea}/{year}", "any"],
  ["get", "/api/v1/decisions", "any"],
  ["get", "/api/v1/audit/events", ["auditor", "admin"]],
  ["get", "/api/v1/audit/verify", ["auditor", "admin"]],
  ["get", "/api/v1/events/live", "any"],
];

describe("documentation", () => {
  let document: any;

  beforeAll(async () => {
    const response = await anonymous.get("/docs/openapi.json");
    expect(response.status).toBe(200);
    document = response.body;
  });

  it("GET /docs serves the OpenAPI document (API.md), the same as /docs/openapi.json", async () => {
    const docs = await anonymous.get("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toMatch(/^application\/json/);
    expect(docs.body).toEqual(document);
  });

  it("GET /docs is an HTML page without a token for a client that asks for HTML, as a browser does", async () => {
    const page = await anonymous.get("/docs", { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.body).toMatch(/<html/i);
    expect(page.body).toContain("/api/v1/initiatives");
    expect(page.body).toContain("/docs/openapi.json");
  });

  it("GET /docs/openapi.json is OpenAPI 3.1", () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(typeof document.info.title).toBe("string");
    expect(typeof document.paths).toBe("object");
  });

  it("has every path of API.md with its method", () => {
    const missing = CONTRACT.filter(([method, path]) => !document.paths[path]?.[method]).map(
      ([method, path]) => `${method.toUpperCase()} ${path}`,
    );
    expect(missing).toEqual([]);
  });

  it("gives each operation its roles (x-roles), as API.md names them", () => {
    const wrong: string[] = [];
    for (const [method, path, roles] of CONTRACT) {
      const operation = document.paths[path]?.[method];
      if (!operation) continue;
      const documented = operation["x-roles"];
      const expected = roles === "any" ? "authenticated" : roles === "none" ? "public" : [...roles].sort();
      const actual = Array.isArray(documented) ? [...documented].sort() : documented;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${method} ${path}: ${JSON.stringify(actual)}`);
    }
    expect(wrong).toEqual([]);
    // Beyond the v1 endpoints too: every operation names who may call it, in docs/api.md's words.
    const ROLE_NAMES = ["admin", "core-team", "initiative-lead", "auditor"];
    for (const [path, operations] of Object.entries(document.paths) as Array<[string, Record<string, any>]>) {
      for (const [method, operation] of Object.entries(operations)) {
        const roles = operation["x-roles"];
        if (Array.isArray(roles))
          expect(roles.length > 0 && roles.every((role) => ROLE_NAMES.includes(role)), `${method} ${path}`).toBe(true);
        else expect(["public", "signed-in", "authenticated"], `${method} ${path}`).toContain(roles);
      }
    }
    const rolesOf = (method: string, path: string): string[] => [...document.paths[path][method]["x-roles"]].sort();
    expect(rolesOf("post", "/api/v1/organisations/{id}/governing-contexts/{contextId}/retirement")).toEqual(ADMIN);
    expect(rolesOf("post", "/api/v1/tensions/{id}/drop")).toEqual(LEAD);
    expect(rolesOf("post", "/api/v1/budgets/{focusArea}/{year}/amendments")).toEqual(CORE);
  });

  it("gives each operation its problem types, the rules included", () => {
    for (const [path, operations] of Object.entries(document.paths) as Array<[string, Record<string, any>]>) {
      for (const [method, operation] of Object.entries(operations)) {
        const types = operation["x-problem-types"];
        expect(Array.isArray(types), `${method} ${path}`).toBe(true);
        // Health and the documentation need no token and cannot fail on input: nothing to list.
        if (operation["x-roles"] === "public") continue;
        expect(types.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const type of types) expect(type).toMatch(/^\/problems\/[a-z-]+$/);
      }
    }
    const typesOf = (method: string, path: string): string[] => document.paths[path][method]["x-problem-types"];
    expect(typesOf("post", "/api/v1/initiatives/{id}/mandates")).toContain("/problems/mandate-requires-active-goal");
    expect(typesOf("post", "/api/v1/meetings/{id}/comments")).toContain("/problems/minutes-frozen");
    expect(typesOf("post", "/api/v1/budgets/{focusArea}/{year}/approval")).toContain("/problems/budget-decision-kind");
    expect(typesOf("post", "/api/v1/signals/{id}/answer")).toContain("/problems/signal-already-answered");
    expect(typesOf("post", "/api/v1/initiatives/{id}/goals")).toContain("/problems/initiative-closed");
    for (const generic of [
      "/problems/unauthenticated",
      "/problems/forbidden",
      "/problems/validation",
      "/problems/precondition-failed",
      "/problems/idempotency-key-reused",
      "/problems/payload-too-large",
    ]) {
      expect(typesOf("post", "/api/v1/organisations")).toContain(generic);
    }
    expect(typesOf("get", "/api/v1/initiatives/{id}")).toEqual(
      expect.arrayContaining(["/problems/not-found", "/problems/read-model-behind"]),
    );
  });
});

import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { after, expectWrite, isUuid, logHead } from "./support/fixtures.js";
import { type ApiClient, type MandatServer, api, freshDataDir, outputMatching, startServer } from "./support/mandat-server.js";

/**
 * docs/api.md "Configuration": with no variables (no MANDAT_DEMO, no AUTH_JWT_SECRET, no paths) the
 * files go under ./data, an empty log gets the demo history, and the output has the URL, the
 * docs URL and a working token for each demo person in a role, an admin and an auditor.
 */
const DEMO_FOCUS_AREA = "alla-barn-och-unga-lyckas";
/** The printed labels of the tokens the tests use: a Core Team member, a lead, the provider's two roles. */
const LABELS = {
  admin: "Administratör / Admin",
  auditor: "Revisor / Auditor",
  "core-team": "Core Team: Deltagare Västerås 1",
  "initiative-lead": "Initiativledare / Lead, Drömfabriken i Skultuna: Initiativledare Drömfabriken",
} as const;
const ROLES = Object.keys(LABELS) as Array<keyof typeof LABELS>;

/** The server's working directory: its ./data holds the default files. */
const dataDir = freshDataDir();
let server: MandatServer;
let restarted: MandatServer | undefined;
let tokens: Record<(typeof ROLES)[number], string>;
let everyToken: Map<string, string>;
let reader: ApiClient;
let meetingId: string;

/** The development tokens, printed as a label line and the token indented below it. */
function printedTokens(output: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of output.matchAll(/^ {2}(\S.*)\n {4}(ey[\w-]+\.[\w-]+\.[\w-]+)\s*$/gm)) found.set(match[1]!, match[2]!);
  return found;
}

/** The tokens are printed after the server answers /health: the last one is the auditor's, then a blank line. */
const ALL_TOKENS_PRINTED = new RegExp(`${LABELS.auditor}\n {4}ey\\S+\n\n`);

beforeAll(async () => {
  server = await startServer({ dataDir, secret: null, defaultPaths: true });
  const printed = printedTokens(await outputMatching(server, ALL_TOKENS_PRINTED));
  tokens = Object.fromEntries(ROLES.map((role) => [role, printed.get(LABELS[role]) ?? ""])) as typeof tokens;
  everyToken = printed;
  reader = api(server.url, tokens.auditor);
});

afterAll(async () => {
  await server?.dispose();
  await restarted?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the default paths", () => {
  it("keep the log, the read models, the person keys and the generated secret in ./data", () => {
    for (const file of ["mandat.sqlite", "read-models.sqlite", "keys.sqlite", "auth-secret"]) {
      expect(existsSync(join(dataDir, "data", file)), `data/${file}`).toBe(true);
    }
  });

  it("data/auth-secret holds the secret the printed tokens are signed with", async () => {
    const secret = readFileSync(join(dataDir, "data", "auth-secret"), "utf8").trim();
    const { payload } = await jwtVerify(tokens.auditor, new TextEncoder().encode(secret));
    expect(payload.roles).toEqual(["auditor"]);
  });
});

describe("the printed output", () => {
  it("has the URL, the docs URL and a named token for each Core Team member and lead today, an admin and an auditor", async () => {
    const output = server.output();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain(`Mandat is running at ${server.url}`);
    expect(output).toContain(`${server.url}/docs`);
    for (const role of ROLES) expect(tokens[role], LABELS[role]).toMatch(/^ey/);
    const labels = [...everyToken.keys()];
    expect(labels.filter((label) => label.startsWith("Core Team: ")).length).toBeGreaterThanOrEqual(5);
    expect(labels.filter((label) => label.startsWith("Initiativledare / Lead, ")).length).toBeGreaterThanOrEqual(2);
    // No token lists initiatives or Core Team rights: each names a login, and the provider's roles at most.
    const secret = readFileSync(join(dataDir, "data", "auth-secret"), "utf8").trim();
    for (const [label, token] of everyToken) {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(secret));
      expect(payload.initiatives, label).toBeUndefined();
      expect(payload.roles === undefined || ["admin", "auditor"].includes((payload.roles as string[])[0]!), label).toBe(true);
    }
  });

  it("says the demo history was loaded", () => {
    expect(server.output()).toMatch(/loaded the demo history/i);
  });

  it("each printed token works, with its role", async () => {
    for (const role of ROLES) {
      const client = api(server.url, tokens[role]);
      expect((await client.get("/api/v1/initiatives")).status, role).toBe(200);
    }
    const admin = api(server.url, tokens.admin);
    expectWrite(await admin.post("/api/v1/organisations", { name: "Regionen", kind: "region" }), 201);
    expect((await admin.post("/api/v1/meetings", {})).status).toBe(403);

    const initiatives = (await reader.get("/api/v1/initiatives")).body as Array<{ id: string; name: string }>;
    const dromfabriken = initiatives.find((initiative) => initiative.name === "Drömfabriken i Skultuna")!;
    const other = initiatives.find((initiative) => initiative.name !== "Drömfabriken i Skultuna")!;
    const lead = api(server.url, tokens["initiative-lead"]);
    expectWrite(await lead.post(`/api/v1/initiatives/${dromfabriken.id}/goals`, { statement: "Ledarens demomål" }), 201);
    expect((await lead.post(`/api/v1/initiatives/${other.id}/goals`, { statement: "Inte mitt" })).status).toBe(403);
    expect((await lead.get("/api/v1/audit/verify")).status).toBe(403);
    const me = await lead.get("/api/v1/me");
    expect(me.body).toMatchObject({ roles: ["initiative-lead"], person: { name: "Initiativledare Drömfabriken" } });
    expect(me.body.initiatives).toEqual([{ id: dromfabriken.id, name: "Drömfabriken i Skultuna" }]);

    const core = api(server.url, tokens["core-team"]);
    expectWrite(await core.post(`/api/v1/initiatives/${initiatives[0]!.id}/check-in-cadence`, { everyDays: 28 }), 200);
    expect((await core.get("/api/v1/audit/events")).status).toBe(403);

    const verified = await reader.get("/api/v1/audit/verify");
    expect(verified.status).toBe(200);
    expect(verified.body.ok).toBe(true);
    expect((await reader.post("/api/v1/organisations", { name: "Nej", kind: "other" })).status).toBe(403);
  });
});

describe("the demo history", () => {
  it("GET /api/v1/initiatives lists the three demo initiatives", async () => {
    const list = await reader.get("/api/v1/initiatives");
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3);
    expect(list.body.map((i: { name: string }) => i.name).sort()).toEqual(
      ["Drömfabriken i Skultuna", "Testbädd Årby/Fröslunda", "Utmaningsdriven utbildning"].sort(),
    );
    for (const initiative of list.body) {
      expect(isUuid(initiative.id)).toBe(true);
      expect(initiative.status).toBe("open");
      const overview = await reader.get(`/api/v1/initiatives/${initiative.id}`);
      expect(overview.status).toBe(200);
      expect(overview.body.leads.length).toBeGreaterThan(0);
      expect(overview.body.goals.length).toBeGreaterThan(0);
    }
  });

  it("the 2024-09-19 meeting has the budget decision, its five budget comments, attendees and absentees", async () => {
    const decisions = await reader.get("/api/v1/decisions?from=2024-09-19&to=2024-09-19");
    expect(decisions.status).toBe(200);
    const budgetDecision = (
      decisions.body as Array<{ kind: string; meetingId: string; effects: Array<{ type: string; streamId: string }> }>
    ).find((d) => d.kind === "budget");
    expect(budgetDecision).toBeDefined();
    expect(budgetDecision!.effects).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "BudgetApproved", streamId: `budget-${DEMO_FOCUS_AREA}-2025` })]),
    );
    meetingId = budgetDecision!.meetingId;

    const minutes = await reader.get(`/api/v1/meetings/${meetingId}`);
    expect(minutes.status).toBe(200);
    expect(minutes.body).toMatchObject({ id: meetingId, heldOn: "2024-09-19", approved: true });
    expect(minutes.body.decisions.some((d: { kind: string }) => d.kind === "budget")).toBe(true);
    expect(minutes.body.attendees.length).toBeGreaterThan(0);
    expect(minutes.body.absentees.length).toBeGreaterThan(0);
    expect(minutes.body.agenda.length).toBe(4);
    expect(minutes.body.agenda.some((item: string) => /budget/i.test(item))).toBe(true);
    const budgetTopic = minutes.body.decisions.find((d: { kind: string }) => d.kind === "budget").subject;
    expect(minutes.body.comments.filter((c: { topic: string }) => c.topic === budgetTopic)).toHaveLength(5);
    expect(minutes.body.nextSteps.length).toBeGreaterThan(0);
  });

  it("the people are pseudonymous, or erased", async () => {
    const minutes = await reader.get(`/api/v1/meetings/${meetingId}`);
    const admin = api(server.url, tokens.admin);
    for (const personId of [...minutes.body.attendees, ...minutes.body.absentees]) {
      const person = await admin.get(`/api/v1/people/${personId}`);
      expect(person.status).toBe(200);
      expect(person.body.name).toMatch(/^((Deltagare|Frånvarande) |Raderad person \/ Erased person$)/);
    }
  });

  it("GET /api/v1/budgets/alla-barn-och-unga-lyckas/2025 is approved", async () => {
    const budget = await reader.get(`/api/v1/budgets/${DEMO_FOCUS_AREA}/2025`);
    expect(budget.status).toBe(200);
    expect(budget.body).toMatchObject({ year: 2025, status: "approved" });
    expect(budget.body.lines.length).toBeGreaterThan(0);
    expect(typeof budget.body.approvedTotalSek).toBe("number");
    expect(budget.body.approvedTotalSek).toBe(
      budget.body.lines.reduce((sum: number, l: { amountSek: number }) => sum + l.amountSek, 0),
    );
    expect(Array.isArray(budget.body.externalFunding)).toBe(true);
    expect(Array.isArray(budget.body.reflections)).toBe(true);
  });

  it("every view has content: signals, tensions, mandates", async () => {
    expect((await reader.get("/api/v1/signals")).body.length).toBeGreaterThan(0);
    const list = (await reader.get("/api/v1/initiatives")).body as Array<{ id: string }>;
    let mandates = 0;
    for (const { id } of list) mandates += (await reader.get(`/api/v1/initiatives/${id}/mandates`)).body.length;
    expect(mandates).toBeGreaterThan(0);
  });
});

describe("a restart on the same data folder", () => {
  it("loads no second demo history, and the generated secret is kept: the printed tokens still work", async () => {
    const head = await logHead(reader);
    expect(await server.stop()).toBe(0);
    restarted = await startServer({ dataDir, secret: null, defaultPaths: true });
    expect(restarted.output()).not.toMatch(/loaded the demo/i);
    const again = api(restarted.url, tokens.auditor);
    expect(await logHead(again)).toBe(head);
    const list = await again.get(after("/api/v1/initiatives", head));
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3);
    expect((await again.get("/api/v1/audit/verify")).body).toMatchObject({ ok: true, checkedEvents: head });
  });
});

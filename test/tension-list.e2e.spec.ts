import { beforeAll, describe, expect, it } from "vitest";
import { type SeededInitiative, after, expectProblem, ok, seedInitiative, tensionBody } from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";
import { leadClient } from "./support/people.js";

/**
 * GET /api/v1/tensions (docs/api.md "Tensions"): every tension, those within the Core Team
 * only for the Core Team (and admin, auditor); an escalation names the governing context it
 * goes to; asOf on the list and on the timeline.
 */
let core: ApiClient;
let auditor: ApiClient;
let admin: ApiClient;
let lead: ApiClient;
let seeded: SeededInitiative;
let board: { organisationId: string; contextId: string };
let retired: { organisationId: string; contextId: string };
let withInitiative: string;
let withinCoreTeam: string;
let beforeEscalation: string;
let position: number;

let serverUrl: string;

serverForFile((started) => {
  ({ core, auditor, admin } = started);
  serverUrl = started.server.url;
});

beforeAll(async () => {
  seeded = await seedInitiative(core, "Spänningar i listan");
  // A lead of this initiative: the tensions within the Core Team are not theirs to read.
  lead = (await leadClient(serverUrl, admin, [seeded.initiativeId])).client;
  const mapped = (name: string) =>
    core.post(`/api/v1/organisations/${seeded.organisationId}/governing-contexts`, { name, kind: "board", description: "" });
  board = { organisationId: seeded.organisationId, contextId: ok(await mapped("Nämnden")).id };
  retired = { organisationId: seeded.organisationId, contextId: ok(await mapped("Gamla styrgruppen")).id };
  ok(
    await core.post(`/api/v1/organisations/${seeded.organisationId}/governing-contexts/${retired.contextId}/retirement`, {
      reason: "Sammanslagen",
    }),
  );
  withInitiative = ok(await core.post("/api/v1/tensions", tensionBody([seeded.initiativeId], { raisedOn: "2025-02-03" }))).id;
  withinCoreTeam = ok(await core.post("/api/v1/tensions", tensionBody([], { raisedOn: "2025-02-04", intensity: 4 }))).id;
  beforeEscalation = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  position = ok(
    await core.post(`/api/v1/tensions/${withInitiative}/escalation`, {
      to: "organisation",
      note: "Till nämnden",
      on: "2025-02-10",
      governingContext: board,
    }),
  ).position;
});

describe("GET /api/v1/tensions", () => {
  it("lists every tension for the Core Team and the auditor, those naming no initiative included", async () => {
    for (const client of [core, auditor]) {
      const response = await client.get(after("/api/v1/tensions", position));
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.map((t: { tensionId: string }) => t.tensionId)).toEqual([withInitiative, withinCoreTeam]);
      expect(response.headers.get("link")).toBeNull();
    }
  });

  it("leaves the tensions within the Core Team out for a lead", async () => {
    const response = await lead.get(after("/api/v1/tensions", position));
    expect(response.status).toBe(200);
    expect(response.body.map((t: { tensionId: string }) => t.tensionId)).toEqual([withInitiative]);
  });

  it("offers a lead no tension within the Core Team as an agenda candidate either", async () => {
    const sources = (response: { body: Array<{ source: { tensionId?: string } }> }) =>
      response.body.map((candidate) => candidate.source.tensionId).filter((id) => id !== undefined);
    expect(sources(await core.get(after("/api/v1/agenda-candidates?at=2025-12-31", position)))).toContain(withinCoreTeam);
    const forLead = await lead.get(after("/api/v1/agenda-candidates?at=2025-12-31", position));
    expect(forLead.status).toBe(200);
    expect(sources(forLead)).not.toContain(withinCoreTeam);
  });

  it("names the governing context an escalation goes to", async () => {
    const response = await core.get(after(`/api/v1/tensions?initiativeId=${seeded.initiativeId}`, position));
    expect(response.body).toEqual([
      expect.objectContaining({
        tensionId: withInitiative,
        initiativeIds: [seeded.initiativeId],
        status: "open",
        intensity: 3,
        escalation: { to: "organisation", on: "2025-02-10", governingContext: board },
      }),
    ]);
  });

  it("answers as known at asOf", async () => {
    const response = await core.get(after(`/api/v1/tensions?asOf=${encodeURIComponent(beforeEscalation)}`, position));
    expect(response.body.map((t: { escalation: unknown }) => t.escalation)).toEqual([null, null]);
    expect((await core.get("/api/v1/tensions?asOf=2020-01-01")).body).toEqual([]);
  });

  it("pages with a Link to the next page", async () => {
    const first = await core.get(after("/api/v1/tensions?limit=1", position));
    expect(first.body.map((t: { tensionId: string }) => t.tensionId)).toEqual([withInitiative]);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toMatch(/^\/api\/v1\/tensions\?.*cursor=/);
    const second = await core.get(next!);
    expect(second.body.map((t: { tensionId: string }) => t.tensionId)).toEqual([withinCoreTeam]);
    expect(second.headers.get("link")).toBeNull();
  });

  it("filters on the status", async () => {
    expect((await core.get(after("/api/v1/tensions?status=resolved", position))).body).toEqual([]);
  });
});

describe("POST /api/v1/tensions/{id}/escalation with a governing context", () => {
  const escalate = (governingContext: { organisationId: string; contextId: string }) =>
    core.post(`/api/v1/tensions/${withInitiative}/escalation`, {
      to: "organisation",
      note: "Vidare",
      on: "2025-02-11",
      governingContext,
    });

  it("refuses a retired context", async () => {
    expectProblem(await escalate(retired), 409, "/problems/governing-context-retired");
  });

  it("refuses a context the organisation never mapped", async () => {
    expectProblem(
      await escalate({ ...board, contextId: "00000000-0000-4000-8000-000000000000" }),
      409,
      "/problems/governing-context-not-mapped",
    );
  });

  it("refuses an organisation that is not registered", async () => {
    expectProblem(
      await escalate({ organisationId: "00000000-0000-4000-8000-000000000000", contextId: board.contextId }),
      409,
      "/problems/organisation-not-registered",
    );
  });
});

describe("GET /api/v1/initiatives/{id}/tensions/timeline?asOf", () => {
  const timeline = (query: string) =>
    core.get(
      after(
        `/api/v1/initiatives/${seeded.initiativeId}/tensions/timeline?from=2025-02-03&to=2025-02-09&bucket=week${query}`,
        position,
      ),
    );

  it("counts the tension as known now, and not before it was recorded", async () => {
    const now = await timeline("");
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    expect(now.body).toEqual([{ periodStart: "2025-02-03", raised: 1, resolved: 0, open: 1, meanIntensity: 3 }]);
    // Before the initiative was registered, it is unknown.
    expectProblem(await timeline("&asOf=2020-01-01"), 404, "/problems/not-found");
  });
});

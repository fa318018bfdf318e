import { beforeAll, describe, expect, it } from "vitest";
import {
  type SeededInitiative,
  after,
  checkInBody,
  expectProblem,
  mandateBody,
  meetingBody,
  ok,
  seedInitiative,
  signalBody,
  tensionBody,
} from "./support/fixtures.js";
import { type ApiClient, type ApiResponse, serverForFile } from "./support/mandat-server.js";
import { leadClient } from "./support/people.js";

/**
 * docs/api.md "Lists": every list answers a page, its body the array it always was and the
 * next page in `Link: <...>; rel="next"`; the new lists of people and meetings; asOf on the
 * decision log.
 */
let core: ApiClient;
let admin: ApiClient;
let auditor: ApiClient;
let lead: ApiClient;
let first: SeededInitiative;
let second: SeededInitiative;
let june: string;
let september: string;
let juneDecision: string;
let beforeSeptember: string;
let position: number;

let serverUrl: string;
serverForFile((started) => {
  ({ core, admin, auditor } = started);
  serverUrl = started.server.url;
});

beforeAll(async () => {
  first = await seedInitiative(core, "Listor A");
  second = await seedInitiative(core, "Listor B");
  lead = (await leadClient(serverUrl, admin, [first.initiativeId])).client;
  ok(await core.post("/api/v1/people", { organisationId: first.organisationId, name: "Med e-post", email: "epost@example.org" }));
  ok(
    await core.post(`/api/v1/initiatives/${first.initiativeId}/check-ins`, checkInBody(first.personId, { heldOn: "2025-02-03" })),
  );
  ok(
    await core.post(
      `/api/v1/initiatives/${first.initiativeId}/check-ins`,
      checkInBody(first.personId, { heldOn: "2025-03-03", nextCheckInOn: "2025-04-03" }),
    ),
  );
  ok(await core.post("/api/v1/signals", signalBody(first.initiativeId)));
  ok(await core.post("/api/v1/signals", signalBody(second.initiativeId)));
  // Two of everything a list below holds, so that walking it one by one reaches a second page.
  ok(await core.post(`/api/v1/initiatives/${first.initiativeId}/goals`, { statement: "Ett andra mål" }));
  ok(await core.post("/api/v1/tensions", tensionBody([first.initiativeId])));
  ok(await core.post("/api/v1/tensions", tensionBody([second.initiativeId], { raisedOn: "2025-02-13" })));
  for (const name of ["Nämnden", "Ledningsgruppen"]) {
    const contextId = ok(
      await core.post(`/api/v1/organisations/${first.organisationId}/governing-contexts`, {
        name,
        kind: "committee",
        description: "",
      }),
    ).id;
    ok(
      await core.post(`/api/v1/initiatives/${first.initiativeId}/governing-contexts`, {
        organisationId: first.organisationId,
        contextId,
        relation: "decides",
      }),
    );
  }
  // Granted and amended citing no meeting's decision: two delegation decisions, two mandate versions.
  const mandateId = ok(await core.post(`/api/v1/initiatives/${first.initiativeId}/mandates`, mandateBody())).id;
  ok(
    await core.post(`/api/v1/initiatives/${first.initiativeId}/mandates/${mandateId}/amendments`, {
      changes: { budgetSek: 300_000 },
      reason: "Mer tid med föreningarna",
      effectiveFrom: "2025-06-01",
    }),
  );
  june = ok(await core.post("/api/v1/meetings", meetingBody([first.personId], { heldOn: "2024-06-12" }))).id;
  juneDecision = ok(
    await core.post(`/api/v1/meetings/${june}/decisions`, { subject: "Mandat", decision: "Beviljat", kind: "mandate" }),
  ).id;
  await new Promise((resolve) => setTimeout(resolve, 5));
  beforeSeptember = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 5));
  september = ok(await core.post("/api/v1/meetings", meetingBody([first.personId], { heldOn: "2024-09-19" }))).id;
  ok(await core.post(`/api/v1/meetings/${september}/next-steps`, { text: "Bjud in föreningarna", due: "2024-10-31" }));
  ok(await core.post(`/api/v1/meetings/${september}/next-steps`, { text: "Möte i november" }));
  position = ok(
    await core.post(`/api/v1/meetings/${september}/decisions`, { subject: "Budget", decision: "Beslutad", kind: "budget" }),
  ).position;
});

/** The path of the next page, from the Link header; undefined on the last page. */
const nextPage = (response: ApiResponse): string | undefined =>
  /^<([^>]+)>; rel="next"$/.exec(response.headers.get("link") ?? "")?.[1];

/** Every item of a list, page by page of `limit`, following the Link headers. */
async function walk(client: ApiClient, path: string, limit: number): Promise<unknown[]> {
  const items: unknown[] = [];
  let next: string | undefined = after(`${path}${path.includes("?") ? "&" : "?"}limit=${limit}`, position);
  while (next !== undefined) {
    const page = await client.get(next);
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.length).toBeLessThanOrEqual(limit);
    items.push(...page.body);
    next = nextPage(page);
  }
  return items;
}

describe("every list pages by cursor", () => {
  const lists = () => [
    "/api/v1/initiatives",
    "/api/v1/organisations",
    `/api/v1/organisations/${first.organisationId}/governing-contexts`,
    `/api/v1/initiatives/${first.initiativeId}/governing-contexts`,
    `/api/v1/initiatives/${first.initiativeId}/goals`,
    `/api/v1/initiatives/${first.initiativeId}/mandates`,
    `/api/v1/initiatives/${first.initiativeId}/check-ins`,
    "/api/v1/signals",
    "/api/v1/signals?status=unanswered",
    "/api/v1/tensions",
    "/api/v1/decisions",
    "/api/v1/meetings",
    "/api/v1/people",
    "/api/v1/next-steps?at=2024-09-20",
    "/api/v1/agenda-candidates?at=2024-09-20",
    "/api/v1/delegation-decisions",
  ];

  it("answers the whole list as an array without a Link when it fits, as before pages", async () => {
    for (const path of lists()) {
      const response = await core.get(after(path, position));
      expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
      expect(Array.isArray(response.body), path).toBe(true);
      expect(response.headers.get("link"), path).toBeNull();
    }
  });

  it("gives the same items page by page, following the Link headers", async () => {
    for (const path of lists()) {
      const whole = (await core.get(after(path, position))).body;
      // At least two items, so that a page of one has a next page to follow.
      expect(whole.length, path).toBeGreaterThanOrEqual(2);
      expect(await walk(core, path, 1), path).toEqual(whole);
    }
  });

  it("refuses a cursor it did not give, or one of another list", async () => {
    expectProblem(await core.get("/api/v1/initiatives?cursor=bm90LWEtY3Vyc29y"), 400, "/problems/validation");
    const checkIns = await core.get(after(`/api/v1/initiatives/${first.initiativeId}/check-ins?limit=1`, position));
    const cursor = new URL(nextPage(checkIns)!, "http://x").searchParams.get("cursor")!;
    const problem = expectProblem(await core.get(`/api/v1/initiatives?cursor=${cursor}`), 400, "/problems/validation");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "query.cursor" })]);
  });

  it("documents limit, cursor and the Link header of every list", async () => {
    const document = (await core.get("/docs/openapi.json")).body;
    const listTensions = document.paths["/api/v1/tensions"].get;
    expect(listTensions.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["limit", "cursor"]));
    expect(listTensions.responses["200"].headers.Link).toBeDefined();
  });

  it("refuses a limit outside 1 to 200", async () => {
    expectProblem(await core.get("/api/v1/signals?limit=0"), 400, "/problems/validation");
    expectProblem(await core.get("/api/v1/signals?limit=201"), 400, "/problems/validation");
    expect((await core.get("/api/v1/signals?limit=200")).status).toBe(200);
  });
});

describe("GET /api/v1/people", () => {
  it("lists the people registered, names opened, e-mail only for admin and the Core Team", async () => {
    for (const [client, seesEmail] of [
      [core, true],
      [admin, true],
      [auditor, false],
      [lead, false],
    ] as const) {
      const response = await client.get(after("/api/v1/people", position));
      expect(response.status).toBe(200);
      const person = response.body.find((p: { name: string }) => p.name === "Med e-post");
      expect(person).toEqual({
        id: expect.any(String),
        organisationId: first.organisationId,
        name: "Med e-post",
        ...(seesEmail ? { email: "epost@example.org" } : {}),
        erased: false,
      });
    }
  });

  it("lists one organisation's people, as registered by asOf", async () => {
    const response = await core.get(after(`/api/v1/people?organisationId=${second.organisationId}`, position));
    expect(response.body.map((p: { id: string }) => p.id)).toEqual([second.personId]);
    expect((await core.get("/api/v1/people?asOf=2020-01-01")).body).toEqual([]);
  });
});

describe("GET /api/v1/meetings", () => {
  it("lists the meetings by the day held", async () => {
    const response = await core.get(after("/api/v1/meetings", position));
    expect(response.body).toEqual([
      {
        id: june,
        body: "core-team",
        focusArea: expect.any(String),
        plannedOn: null,
        heldOn: "2024-06-12",
        recordedAt: expect.any(String),
      },
      expect.objectContaining({ id: september, heldOn: "2024-09-19" }),
    ]);
  });

  it("lists them as recorded by asOf, and held between from and to", async () => {
    expect((await core.get(`/api/v1/meetings?asOf=${encodeURIComponent(beforeSeptember)}`)).body).toEqual([
      expect.objectContaining({ id: june }),
    ]);
    expect((await core.get(after("/api/v1/meetings?from=2024-07-01", position))).body).toEqual([
      expect.objectContaining({ id: september }),
    ]);
  });
});

describe("GET /api/v1/decisions?asOf", () => {
  it("lists the decisions recorded by asOf", async () => {
    const now = await core.get(after("/api/v1/decisions", position));
    expect(now.body.map((d: { meetingId: string }) => d.meetingId)).toEqual([june, september]);
    const then = await core.get(`/api/v1/decisions?asOf=${encodeURIComponent(beforeSeptember)}`);
    expect(then.body).toEqual([expect.objectContaining({ meetingId: june, decisionId: juneDecision })]);
  });
});

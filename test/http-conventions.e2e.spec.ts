import { beforeAll, describe, expect, it } from "vitest";
import { type SeededInitiative, after, expectProblem, expectWrite, meetingBody, ok, seedInitiative } from "./support/fixtures.js";
import { type ApiClient, type ApiResponse, serverForFile } from "./support/mandat-server.js";

/**
 * Issue 15 part C, docs/api.md "Lists", "Reads" and "Writes": lists page by cursor, at most
 * 200 items a page; a read of one resource answers an ETag and 304 to If-None-Match; a write
 * answered 201 says in Location where the created resource is read.
 */
let core: ApiClient;
let admin: ApiClient;
let auditor: ApiClient;
let seeded: SeededInitiative;

// A thousand writes in a few seconds: more than the default write limit a minute allows one principal.
serverForFile(
  (started) => {
    ({ core, admin, auditor } = started);
  },
  { demo: "off", env: { MANDAT_WRITES_PER_MINUTE: "0" } },
);

beforeAll(async () => {
  seeded = await seedInitiative(core, "Konventioner");
});

const nextPage = (response: ApiResponse): string | undefined =>
  /^<([^>]+)>; rel="next"$/.exec(response.headers.get("link") ?? "")?.[1];

describe("a list of a thousand items", () => {
  it("is walked page by page, 200 at most, by the Link headers, each item once", async () => {
    const names = Array.from({ length: 1000 }, (_, i) => `Sida ${String(i).padStart(4, "0")}`);
    let position = 0;
    // Twenty at a time: quick, without a thousand connections at once.
    for (let start = 0; start < names.length; start += 20) {
      const written = await Promise.all(
        names
          .slice(start, start + 20)
          .map(async (name) => ok(await admin.post("/api/v1/organisations", { name, kind: "other" }))),
      );
      position = Math.max(position, ...written.map((write) => write.position));
    }
    const seen: Array<{ id: string; name: string }> = [];
    const sizes: number[] = [];
    let next: string | undefined = after("/api/v1/organisations", position);
    while (next !== undefined) {
      const page = await core.get(next);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      sizes.push(page.body.length);
      seen.push(...page.body);
      next = nextPage(page);
    }
    // The default limit is the maximum, 200: the suite's own organisations are a few more.
    expect(sizes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(sizes.length).toBe(6);
    expect(new Set(seen.map((organisation) => organisation.id)).size).toBe(seen.length);
    expect(seen.map((organisation) => organisation.name)).toEqual(expect.arrayContaining(names));
  }, 120_000);

  it("refuses a limit above 200", async () => {
    const problem = expectProblem(await core.get("/api/v1/organisations?limit=201"), 400, "/problems/validation");
    expect(problem.errors).toEqual([expect.objectContaining({ path: "query.limit" })]);
  });
});

describe("ETag and If-None-Match on a read of one resource", () => {
  const overview = () => `/api/v1/initiatives/${seeded.initiativeId}`;

  it("answers the stream's revision in the ETag, 304 with no body while it holds, 200 after a write", async () => {
    const first = await core.get(after(overview(), seeded.position));
    expect(first.status).toBe(200);
    const tag = first.headers.get("etag")!;
    // The caller's own answer: no shared cache keeps it, a browser asks again with the ETag.
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("vary")).toMatch(/Authorization, Cookie, Accept-Language/);
    // Registered, then a goal set: the initiative's stream is at revision 1.
    expect(tag).toMatch(/^"1-[\w-]+"$/);

    const again = await core.get(overview(), { "if-none-match": tag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.get("etag")).toBe(tag);

    // The ETag read is what a write's If-Match takes: the write goes through, and moves the revision.
    const goal = expectWrite(await core.post(`${overview()}/goals`, { statement: "Ett mål till" }, { "if-match": tag }), 201);
    expect(goal.revision).toBe(2);
    const changed = await core.get(after(overview(), goal.position), { "if-none-match": tag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).toMatch(/^"2-[\w-]+"$/);
    expect(changed.body.goals.length).toBe(2);

    // The stale ETag is refused: the initiative has moved on since it was read.
    expectProblem(
      await core.post(`${overview()}/goals`, { statement: "Ett sent mål" }, { "if-match": tag }),
      412,
      "/problems/precondition-failed",
    );
  });

  it("tags a person by its stream's revision too, and a read of no one stream (the log's verification) by its answer alone", async () => {
    for (const [path, form] of [
      [`/api/v1/people/${seeded.personId}`, /^"0-[\w-]+"$/],
      ["/api/v1/audit/verify", /^"[\w-]{22}"$/],
    ] as const) {
      const client = path.includes("audit") ? admin : core;
      const read = await client.get(path);
      expect(read.status, path).toBe(200);
      const tag = read.headers.get("etag");
      expect(tag, path).toMatch(form);
      expect((await client.get(path, { "if-none-match": `"other", ${tag}` })).status, path).toBe(304);
      expect((await client.get(path, { "if-none-match": '"other"' })).status, path).toBe(200);
    }
  });

  it("gives no ETag to a page of a list", async () => {
    expect((await core.get("/api/v1/initiatives")).headers.get("etag")).toBeNull();
  });
});

describe("the minutes", () => {
  it("answer a meeting's stream revision in the ETag and the fields the OpenAPI document names", async () => {
    const held = expectWrite(await core.post("/api/v1/meetings", meetingBody([seeded.personId])), 201);
    const minutes = await core.get(after(`/api/v1/meetings/${held.id}`, held.position));
    expect(minutes.status).toBe(200);
    expect(minutes.headers.get("etag")).toMatch(new RegExp(`^"${held.revision}-[\\w-]+"$`));
    const document = (await core.get("/docs/openapi.json")).body;
    const schema = document.components.schemas.GetMeetingAnswer;
    expect(Object.keys(minutes.body).sort()).toEqual(Object.keys(schema.properties).sort());
    expect([...schema.required].sort()).toEqual(Object.keys(schema.properties).sort());
  });
});

describe("the audit log", () => {
  it("answers events with the fields the OpenAPI document names", async () => {
    const events = await admin.get("/api/v1/audit/events?limit=1");
    const schemas = (await core.get("/docs/openapi.json")).body.components.schemas;
    const item = schemas.AuditEventsAnswerItem;
    expect(Object.keys(events.body[0]).sort()).toEqual(Object.keys(item.properties).sort());
    expect(Object.keys(item.properties.metadata.properties)).toEqual(
      expect.arrayContaining(Object.keys(events.body[0].metadata)),
    );
  });
});

describe("Location on 201", () => {
  it("names the read of what was created, and that read answers it", async () => {
    const person = await core.post("/api/v1/people", { organisationId: seeded.organisationId, name: "Ny person" });
    const { id, position } = expectWrite(person, 201);
    expect(person.headers.get("location")).toBe(`/api/v1/people/${id}`);
    const read = await core.get(after(person.headers.get("location")!, position));
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(id);

    const goal = await core.post(`/api/v1/initiatives/${seeded.initiativeId}/goals`, { statement: "Mål med plats" });
    expectWrite(goal, 201);
    expect(goal.headers.get("location")).toBe(`/api/v1/initiatives/${seeded.initiativeId}/goals`);
  });

  it("is absent from a write answered 200", async () => {
    const cadence = await core.post(`/api/v1/initiatives/${seeded.initiativeId}/check-in-cadence`, { everyDays: 30 });
    expect(cadence.status, JSON.stringify(cadence.body)).toBe(200);
    expect(cadence.headers.get("location")).toBeNull();
  });
});

describe("an id written in upper case", () => {
  // RFC 9562: a UUID is read in either case. One spelling must not name a second stream.
  it("names the same resource in a path, a filter and a body as in lower case", async () => {
    const upper = seeded.initiativeId.toUpperCase();
    const read = await core.get(after(`/api/v1/initiatives/${upper}`, seeded.position));
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.id).toBe(seeded.initiativeId);

    const goal = await core.post(`/api/v1/initiatives/${upper}/goals`, { statement: "Mål skrivet med versaler" });
    const { position } = expectWrite(goal, 201);
    const person = await core.post("/api/v1/people", {
      organisationId: seeded.organisationId.toUpperCase(),
      name: "Person med versal-id",
    });
    const { id } = expectWrite(person, 201);
    const ofOrganisation = await core.get(
      after(`/api/v1/people?organisationId=${seeded.organisationId.toUpperCase()}`, Math.max(position, ok(person).position)),
    );
    expect(ofOrganisation.status).toBe(200);
    const listed = ofOrganisation.body.find((entry: { id: string }) => entry.id === id);
    expect(listed.organisationId).toBe(seeded.organisationId);

    const overview = await core.get(after(`/api/v1/initiatives/${seeded.initiativeId}`, position));
    expect(overview.body.goals.map((g: { statement: string }) => g.statement)).toContain("Mål skrivet med versaler");

    const ofStream = await auditor.get(`/api/v1/audit/events?streamId=initiative-${upper}`);
    expect(ofStream.status).toBe(200);
    expect(ofStream.body.length).toBeGreaterThan(0);
    expect(ofStream.body.every((event: { streamId: string }) => event.streamId === `initiative-${seeded.initiativeId}`)).toBe(
      true,
    );
  });
});

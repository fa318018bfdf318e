import { beforeAll, describe, expect, it } from "vitest";
import { type SeededInitiative, UNKNOWN_ID, expectProblem, ok, seedInitiative } from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * Issue 15 part C, docs/api.md "Errors": problems in Swedish or English after
 * Accept-Language (English without one), Content-Language on every answer, and a page
 * people can read at each problem's type, /problems/<name>.
 */
let core: ApiClient;
let anonymous: ApiClient;
let seeded: SeededInitiative;

serverForFile((started) => ({ core, anonymous } = started));

beforeAll(async () => {
  seeded = await seedInitiative(core, "Språk");
});

const SV = { "accept-language": "sv-SE,sv;q=0.9,en;q=0.5" };
const EN = { "accept-language": "en-GB,en;q=0.9" };

describe("a validation error", () => {
  const badOrganisation = { name: 42, kind: "other", colour: "blå" };

  it("is in Swedish for Accept-Language: sv, messages and title, with Content-Language: sv", async () => {
    const response = await core.post("/api/v1/organisations", badOrganisation, SV);
    const problem = expectProblem(response, 400, "/problems/validation");
    expect(response.headers.get("content-language")).toBe("sv");
    expect(problem.title).toBe("Ogiltig begäran");
    expect(problem.errors).toEqual([
      { path: "body.name", message: "Ska vara text" },
      { path: "body.colour", message: "okänt fält" },
    ]);
    expect(problem.detail).toBe("body.name: Ska vara text; body.colour: okänt fält");
  });

  it("is in English for Accept-Language: en, and without one", async () => {
    for (const headers of [EN, {}]) {
      const response = await core.post("/api/v1/organisations", badOrganisation, headers);
      const problem = expectProblem(response, 400, "/problems/validation");
      expect(response.headers.get("content-language")).toBe("en");
      expect(problem.title).toBe("Invalid request");
      expect(problem.errors).toEqual([
        { path: "body.name", message: "Invalid input: expected string, received number" },
        { path: "body.colour", message: "unknown field" },
      ]);
    }
  });

  it("of a read's query is in Swedish too", async () => {
    const problem = expectProblem(await core.get("/api/v1/signals?limit=500", SV), 400, "/problems/validation");
    expect(problem.errors).toEqual([{ path: "query.limit", message: "Högst 200" }]);
  });
});

describe("a broken rule", () => {
  it("has its title in Swedish or English; the domain's detail stays as written", async () => {
    const drop = `/api/v1/initiatives/${seeded.initiativeId}/goals/${seeded.goalId}/drop`;
    ok(await core.post(drop, { reason: "Inte längre aktuellt" }));
    const swedish = await core.post(drop, { reason: "Igen" }, SV);
    const english = await core.post(drop, { reason: "Again" }, EN);
    const sv = expectProblem(swedish, 409, "/problems/goal-not-active");
    const en = expectProblem(english, 409, "/problems/goal-not-active");
    expect(sv.title).toBe("Målet är uppnått eller strukits och kan inte revideras");
    expect(en.title).toBe("The goal is achieved or dropped and takes no revision");
    expect(swedish.headers.get("content-language")).toBe("sv");
    expect(english.headers.get("content-language")).toBe("en");
    expect(sv.detail).toBe(en.detail);
  });
});

describe("a detail the HTTP layer writes", () => {
  it("is in Swedish where it has been written so: a resource not found", async () => {
    const path = `/api/v1/initiatives/${UNKNOWN_ID}`;
    expect(expectProblem(await core.get(path, SV), 404, "/problems/not-found").detail).toBe(`${path} finns inte`);
    expect(expectProblem(await core.get(path, EN), 404, "/problems/not-found").detail).toBe(`${path} does not exist`);
  });
});

describe("Content-Language", () => {
  it("is on answers that are not problems, and on refusals before any route", async () => {
    expect((await core.get("/api/v1/initiatives", SV)).headers.get("content-language")).toBe("sv");
    expect((await core.get("/api/v1/initiatives")).headers.get("content-language")).toBe("en");
    expect((await anonymous.get("/api/v1/initiatives", SV)).headers.get("content-language")).toBe("sv");
    expect((await anonymous.get("/health", SV)).headers.get("content-language")).toBe("sv");
  });
});

describe("GET /problems/<name>", () => {
  it("is a page in Swedish and English for a browser, without a token", async () => {
    const page = await anonymous.get("/problems/goal-not-active", { accept: "text/html,application/xhtml+xml,*/*;q=0.8" });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.body).toContain('<section lang="sv">');
    expect(page.body).toContain('<section lang="en">');
    expect(page.body).toContain("Målet är uppnått eller strukits och kan inte revideras");
    expect(page.body).toContain("The goal is achieved or dropped and takes no revision");
    expect(page.body).toContain("Vad du kan göra");
    expect(page.body).toContain("What to do");
    expect(page.body).not.toMatch(/<script/i);
  });

  it("is the problem type as JSON for a program, the generic problems too", async () => {
    const rule = await anonymous.get("/problems/goal-not-active", { accept: "application/json" });
    expect(rule.status).toBe(200);
    expect(rule.headers.get("content-type")).toMatch(/^application\/json/);
    expect(rule.body).toEqual({
      type: "/problems/goal-not-active",
      name: "goal-not-active",
      status: 409,
      title: {
        en: "The goal is achieved or dropped and takes no revision",
        sv: "Målet är uppnått eller strukits och kan inte revideras",
      },
      meaning: { en: expect.any(String), sv: expect.any(String) },
      whatToDo: { en: expect.any(String), sv: expect.any(String) },
    });
    const validation = await anonymous.get("/problems/validation", { accept: "application/json" });
    expect(validation.body).toMatchObject({ status: 400, title: { en: "Invalid request", sv: "Ogiltig begäran" } });
    expect(validation.body.whatToDo.sv).toMatch(/Rätta/);
  });

  it("has a page for every problem type the OpenAPI document names", async () => {
    const document = (await anonymous.get("/docs/openapi.json")).body;
    const types = new Set<string>();
    for (const operations of Object.values(document.paths) as Array<Record<string, { "x-problem-types": string[] }>>)
      for (const operation of Object.values(operations)) for (const type of operation["x-problem-types"]) types.add(type);
    expect(types.size).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const type of types) if ((await anonymous.get(type, { accept: "application/json" })).status !== 200) missing.push(type);
    expect(missing).toEqual([]);
  });

  it("is 404 for a name that is no problem type", async () => {
    const response = await anonymous.get("/problems/no-such-problem", SV);
    const problem = expectProblem(response, 404, "/problems/not-found");
    expect(problem.title).toBe("Hittades inte");
    expect(problem.detail).toBe("Det finns ingen problemtyp /problems/no-such-problem");
  });
});

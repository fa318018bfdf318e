import { beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";
import { type OpenApiDocument, openApiValidator } from "./support/openapi-validator.js";

/**
 * What a typed client generated from the OpenAPI document relies on: the answers the server
 * sends fit the schemas it publishes, field for field (an object schema allows no field it
 * does not list). Checked on the demo history, which has something in every list, against
 * /docs/openapi.json as served, with a JSON Schema 2020-12 validator (OpenAPI 3.1's).
 */
let core: ApiClient;
let auditor: ApiClient;
let admin: ApiClient;
let openApi: OpenApiDocument;
let answerSchema: ReturnType<typeof openApiValidator>["answerSchema"];

serverForFile(
  (started) => {
    ({ core, auditor, admin } = started);
  },
  { demo: "on" },
);

beforeAll(async () => {
  openApi = (await core.get("/docs/openapi.json")).body;
  ({ answerSchema } = openApiValidator(openApi));
}, 60_000);

/** The query of a path's required parameters, each its first allowed value (the timeline's `bucket`). */
const requiredQuery = (path: string): string => {
  const required = ((openApi.paths[path]!.get.parameters ?? []) as Array<any>).filter(
    (parameter) => parameter.in === "query" && parameter.required,
  );
  return required.length === 0
    ? ""
    : `?${required.map((parameter) => `${parameter.name}=${parameter.schema.enum[0]}`).join("&")}`;
};

/** GETs `url` and checks the answer against the schema of `path` (the template it matches). */
async function expectAnswerFits(client: ApiClient, path: string, url: string = path) {
  const response = await client.get(`${url}${requiredQuery(path)}`);
  expect(response.status, `${url}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(200);
  const fits = answerSchema(path);
  expect(fits(response.body) ? [] : fits.errors, `${url} against ${path}`).toEqual([]);
  return response.body;
}

/** The JSON GETs of the document: every path, with the media type of its 200 answer. */
const jsonGets = () =>
  Object.entries(openApi.paths)
    .filter(([, operations]) => operations.get?.responses?.["200"]?.content?.["application/json"])
    .map(([path]) => path);

/** A client whose roles may read `url`: the Core Team first, then admin, then auditor. */
async function readable(url: string): Promise<ApiClient> {
  for (const client of [core, admin, auditor]) if ((await client.get(url)).status !== 403) return client;
  throw new Error(`no role may read ${url}`);
}

/** Where the ids of a path's {id} come from: the list of the resource its first segment names. */
const LISTS: Record<string, string> = {
  initiatives: "/api/v1/initiatives",
  meetings: "/api/v1/meetings",
  people: "/api/v1/people",
  organisations: "/api/v1/organisations",
};

describe("the answers fit the OpenAPI document's schemas", () => {
  it("every JSON GET without path parameters", async () => {
    const paths = jsonGets().filter((path) => !path.includes("{"));
    expect(paths).toContain("/api/v1/decisions");
    for (const path of paths) await expectAnswerFits(await readable(path), path);
  }, 120_000);

  it("every JSON GET of one resource, for each of the demo's initiatives, meetings, people and organisations", async () => {
    const paths = jsonGets().filter((path) => /^\/api\/v1\/[a-z-]+\/\{id\}[^{]*$/.test(path));
    expect(paths).toContain("/api/v1/initiatives/{id}/mandates");
    for (const path of paths) {
      const list = LISTS[path.split("/")[3]!];
      expect(list, `where the ids of ${path} come from`).toBeDefined();
      const ids = ((await (await readable(list!)).get(list!)).body as Array<{ id: string }>).map(({ id }) => id);
      expect(ids.length, list).toBeGreaterThan(0);
      for (const id of ids) {
        const url = path.replace("{id}", id);
        await expectAnswerFits(await readable(url), path, url);
      }
    }
  }, 120_000);
});

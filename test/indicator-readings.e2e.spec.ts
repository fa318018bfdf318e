import { describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  UNKNOWN_ID,
  after,
  expectProblem,
  expectWrite,
  ok,
  seedInitiative,
  stockholmDate,
  addDays,
} from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";
import { leadClient } from "./support/people.js";

/**
 * The second budget comment of 19 September 2024: "how do we know the money gives value?"
 * Goals carry indicator readings, and a value reflection cites goals and readings
 * (docs/api.md "Goals", "Budgets"), through the built server.
 */
let core: ApiClient;
let anonymous: ApiClient;
let admin: ApiClient;
let url: string;

serverForFile((started) => {
  ({ core, anonymous, admin } = started);
  url = started.server.url;
});

let initiativeId: string;
let goalId: string;
const readings: string[] = [];
let lastPosition = 0;
const readingsPath = () => `/api/v1/initiatives/${initiativeId}/goals/${goalId}/readings`;
const today = stockholmDate(new Date());

describe("indicator readings", () => {
  it("POST /initiatives/{id}/goals/{goalId}/readings: 201, id = the readingId; a lead of the initiative too", async () => {
    ({ initiativeId, goalId } = await seedInitiative(core));
    const { client: lead } = await leadClient(url, admin, [initiativeId]);
    for (const [client, value, on] of [
      [core, 30, "2025-03-01"],
      [lead, 42, "2025-06-01"],
      [core, 35.5, "2025-04-01"],
    ] as const) {
      const written = expectWrite(await client.post(readingsPath(), { value, unit: "barn per vecka", on }), 201);
      readings.push(written.id);
      lastPosition = written.position;
    }
  });

  it("a reading dated after today: 409; a goal the initiative does not have: 404; another lead: 403", async () => {
    expectProblem(
      await core.post(readingsPath(), { value: 1, unit: "barn", on: addDays(today, 1) }),
      409,
      "/problems/indicator-reading-in-future",
    );
    expectProblem(
      await core.post(`/api/v1/initiatives/${initiativeId}/goals/${UNKNOWN_ID}/readings`, {
        value: 1,
        unit: "barn",
        on: "2025-01-01",
      }),
      404,
      "/problems/not-found",
    );
    // A person who leads no initiative: the initiative's own stream says they are not its lead.
    const { client: otherLead } = await leadClient(url, admin, []);
    expectProblem(await otherLead.post(readingsPath(), { value: 1, unit: "barn", on: "2025-01-01" }), 403);
  });

  it("GET .../readings?at&asOf&limit: by the day read, taken by at, as known at asOf, in pages with Link", async () => {
    const all = await core.get(after(readingsPath(), lastPosition));
    expect(all.status).toBe(200);
    expect(all.body.map((r: { value: number }) => r.value)).toEqual([30, 35.5, 42]);
    expect(all.body[0]).toMatchObject({ readingId: readings[0], goalId, unit: "barn per vecka", on: "2025-03-01", note: null });
    expect((await core.get(`${readingsPath()}?at=2025-05-31`)).body.map((r: { value: number }) => r.value)).toEqual([30, 35.5]);
    const firstRecordedAt = all.body[0].recordedAt as string;
    const known = await core.get(`${readingsPath()}?asOf=${encodeURIComponent(firstRecordedAt)}`);
    expect(known.body.map((r: { readingId: string }) => r.readingId)).toEqual([readings[0]]);
    const page = await core.get(`${readingsPath()}?limit=2`);
    expect(page.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(page.headers.get("link") ?? "")?.[1];
    expect(next).toBeDefined();
    expect((await core.get(next!)).body.map((r: { value: number }) => r.value)).toEqual([42]);
    expect((await core.get(`/api/v1/initiatives/${UNKNOWN_ID}/goals/${goalId}/readings`)).status).toBe(404);
  });
});

describe("a value reflection citing goals and readings", () => {
  const YEAR = 2036;
  const budgetPath = `/api/v1/budgets/${FOCUS_AREA}/${YEAR}`;

  it("POST /value-reflections with goalIds and readingIds: 200; the budget read shows them; another initiative's: 409", async () => {
    ok(await core.post(`${budgetPath}/proposal`, { lines: [{ purpose: "Samordning", amountSek: 1 }] }));
    const reflected = expectWrite(
      await core.post(`${budgetPath}/value-reflections`, {
        initiativeId,
        reflection: "Fler barn deltar varje vecka",
        valueRating: 4,
        on: `${YEAR}-12-15`,
        goalIds: [goalId],
        readingIds: [readings[1]],
      }),
      200,
    );
    const read = await core.get(after(budgetPath, reflected.position));
    expect(read.body.reflections).toEqual([
      expect.objectContaining({ initiativeId, goalIds: [goalId], readingIds: [readings[1]] }),
    ]);
    const other = await seedInitiative(core);
    expectProblem(
      await core.post(`${budgetPath}/value-reflections`, {
        initiativeId: other.initiativeId,
        reflection: "Fel initiativ",
        valueRating: 3,
        on: `${YEAR}-12-15`,
        readingIds: [readings[0]],
      }),
      409,
      "/problems/citation-not-found",
    );
  });

  it("the OpenAPI document lists the readings' operations and the new rules", async () => {
    const paths = (await anonymous.get("/docs/openapi.json")).body.paths;
    const readingsOperations = paths["/api/v1/initiatives/{id}/goals/{goalId}/readings"];
    expect(readingsOperations?.post?.operationId).toBe("recordIndicatorReading");
    expect(readingsOperations?.post?.["x-problem-types"]).toEqual(
      expect.arrayContaining(["/problems/indicator-reading-in-future"]),
    );
    expect(readingsOperations?.get?.operationId).toBe("listIndicatorReadings");
    expect(paths["/api/v1/budgets/{focusArea}/{year}/value-reflections"].post["x-problem-types"]).toEqual(
      expect.arrayContaining(["/problems/citation-not-found"]),
    );
  });
});

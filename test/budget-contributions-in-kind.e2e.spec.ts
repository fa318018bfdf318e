import { describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  UNKNOWN_ID,
  after,
  appendsNothing,
  expectProblem,
  expectWrite,
  ok,
  seedInitiative,
} from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * The fourth budget comment of 19 September 2024: "the real budget is much larger if the
 * salaries were counted". POST /budgets/{focusArea}/{year}/contributions-in-kind records the
 * staff time an organisation gives; the budget read sums it and adds its value to the
 * budget (docs/api.md "Budgets"), on asOf and at, through the built server.
 */
let core: ApiClient;
let auditor: ApiClient;
let anonymous: ApiClient;

serverForFile((started) => {
  ({ core, auditor, anonymous } = started);
});

const YEAR = 2035;
const BUDGET = `/api/v1/budgets/${FOCUS_AREA}/${YEAR}`;
let organisationId: string;
let initiativeId: string;
let lastPosition = 0;

describe("contributions in kind", () => {
  it("POST /contributions-in-kind: 201, id = the contributionId", async () => {
    ({ organisationId, initiativeId } = await seedInitiative(core));
    ok(await core.post(`${BUDGET}/proposal`, { lines: [{ purpose: "Samordning", amountSek: 400_000 }] }));
    const spring = expectWrite(
      await core.post(`${BUDGET}/contributions-in-kind`, {
        organisationId,
        initiativeId,
        periodFrom: `${YEAR}-01-01`,
        periodTo: `${YEAR}-06-30`,
        hours: 320.5,
        valueSek: 192_300,
        note: "Två pedagoger en halv dag i veckan",
      }),
      201,
    );
    expect(spring.id).not.toBe(`${FOCUS_AREA}-${YEAR}`);
    const autumn = expectWrite(
      await core.post(`${BUDGET}/contributions-in-kind`, {
        organisationId,
        periodFrom: `${YEAR}-08-15`,
        periodTo: `${YEAR}-12-19`,
        hours: 100,
        valueSek: 60_000,
      }),
      201,
    );
    lastPosition = autumn.position;
  });

  it("GET /budgets/{focusArea}/{year}?at: the contributions whose period has started, summed, and the budget with them", async () => {
    const all = (await core.get(after(`${BUDGET}?at=${YEAR}-12-31`, lastPosition))).body;
    expect(all.contributionsInKind).toEqual([
      expect.objectContaining({ organisationId, initiativeId, hours: 320.5, valueSek: 192_300 }),
      expect.objectContaining({ organisationId, initiativeId: null, hours: 100, valueSek: 60_000 }),
    ]);
    expect(all.contributionsByOrganisation).toEqual([{ organisationId, hours: 420.5, valueSek: 252_300 }]);
    expect(all).toMatchObject({
      contributionsInKindTotal: { hours: 420.5, valueSek: 252_300 },
      totalWithContributionsSek: 652_300,
    });
    const summer = (await core.get(`${BUDGET}?at=${YEAR}-07-01`)).body;
    expect(summer).toMatchObject({
      contributionsInKindTotal: { hours: 320.5, valueSek: 192_300 },
      totalWithContributionsSek: 592_300,
    });
    expect((await core.get(`${BUDGET}?at=${YEAR}-12-31&asOf=2001-01-01`)).status).toBe(404);
  });

  it("an organisation not registered, or a period outside the year: 409, nothing appended", async () => {
    await appendsNothing(auditor, async () => {
      expectProblem(
        await core.post(`${BUDGET}/contributions-in-kind`, {
          organisationId: UNKNOWN_ID,
          periodFrom: `${YEAR}-01-01`,
          periodTo: `${YEAR}-01-31`,
          hours: 1,
          valueSek: 600,
        }),
        409,
        "/problems/organisation-not-registered",
      );
      expectProblem(
        await core.post(`${BUDGET}/contributions-in-kind`, {
          organisationId,
          periodFrom: `${YEAR}-12-01`,
          periodTo: `${YEAR + 1}-01-31`,
          hours: 1,
          valueSek: 600,
        }),
        409,
        "/problems/contribution-outside-budget-year",
      );
      expectProblem(
        await core.post(`${BUDGET}/contributions-in-kind`, {
          organisationId,
          periodFrom: `${YEAR}-03-01`,
          periodTo: `${YEAR}-02-01`,
          hours: 1,
          valueSek: 600,
        }),
        409,
        "/problems/contribution-period-invalid",
      );
    });
    expectProblem(
      await core.post(`${BUDGET}/contributions-in-kind`, {
        organisationId,
        periodFrom: `${YEAR}-01-01`,
        periodTo: `${YEAR}-01-31`,
        hours: 0.1,
        valueSek: 600,
      }),
      400,
      "/problems/validation",
    );
    expectProblem(
      await core.post(`/api/v1/budgets/${FOCUS_AREA}/${YEAR + 50}/contributions-in-kind`, {
        organisationId,
        periodFrom: `${YEAR + 50}-01-01`,
        periodTo: `${YEAR + 50}-01-31`,
        hours: 1,
        valueSek: 600,
      }),
      404,
      "/problems/not-found",
    );
  });

  it("is for the Core Team: the auditor 403; the OpenAPI document lists the operation and its rules", async () => {
    expectProblem(
      await auditor.post(`${BUDGET}/contributions-in-kind`, {
        organisationId,
        periodFrom: `${YEAR}-01-01`,
        periodTo: `${YEAR}-01-31`,
        hours: 1,
        valueSek: 600,
      }),
      403,
    );
    const operation = (await anonymous.get("/docs/openapi.json")).body.paths[
      "/api/v1/budgets/{focusArea}/{year}/contributions-in-kind"
    ]?.post;
    expect(operation?.operationId).toBe("recordContributionInKind");
    expect(operation?.["x-problem-types"]).toEqual(
      expect.arrayContaining([
        "/problems/organisation-not-registered",
        "/problems/contribution-period-invalid",
        "/problems/contribution-outside-budget-year",
      ]),
    );
  });
});

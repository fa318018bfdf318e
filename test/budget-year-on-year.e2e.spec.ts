import { describe, expect, it } from "vitest";
import { FOCUS_AREA, after, meetingBody, ok, seedInitiative } from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * The first budget comment of 19 September 2024: "how does the budget relate to earlier
 * years?" GET /budgets/{focusArea}/{year} shows the earlier years' approved lines and totals
 * beside this year's (docs/api.md "Budgets"), as known at asOf, through the built server.
 */
let core: ApiClient;
let auditor: ApiClient;

serverForFile((started) => {
  ({ core, auditor } = started);
});

/** When the event at `position` was recorded, from the audit log. */
const recordedAtOf = async (position: number): Promise<string> =>
  (await auditor.get(`/api/v1/audit/events?fromPosition=${position}&limit=1`)).body[0].recordedAt;

/** Years of their own, so that no other file's budgets of FOCUS_AREA come in between. */
const FIRST = 2041;
const budgetPath = (year: number) => `/api/v1/budgets/${FOCUS_AREA}/${year}`;

describe("year-on-year", () => {
  it("GET /budgets/{focusArea}/{year}: previousYears, the approved years before it, oldest first, each with lines and total", async () => {
    const { initiativeId, personId } = await seedInitiative(core);
    const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([personId]))).id;
    const decision = {
      meetingId,
      decisionId: ok(
        await core.post(`/api/v1/meetings/${meetingId}/decisions`, { subject: "Budget", decision: "Godkänns", kind: "budget" }),
      ).id,
    };
    const propose = async (year: number, amountSek: number) =>
      ok(
        await core.post(`${budgetPath(year)}/proposal`, {
          lines: [
            { purpose: "Drömfabriken i Skultuna", initiativeId, amountSek },
            { purpose: "Samordning", amountSek: 50_000 },
          ],
        }),
      );
    const approve = async (year: number) => ok(await core.post(`${budgetPath(year)}/approval`, { decision }));
    await propose(FIRST, 100_000);
    await propose(FIRST + 1, 120_000);
    const firstApproved = await approve(FIRST);
    // Recorded times are milliseconds: let the next approval come in a later one.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await approve(FIRST + 1);
    // A proposal never approved is no year to compare with.
    ok(await core.post(`${budgetPath(FIRST + 2)}/proposal`, { lines: [{ purpose: "Förslag", amountSek: 1 }] }));
    const last = ok(
      await core.post(`${budgetPath(FIRST + 3)}/proposal`, {
        lines: [{ purpose: "Drömfabriken i Skultuna", amountSek: 140_000 }],
      }),
    );

    const read = await core.get(after(budgetPath(FIRST + 3), last.position));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ year: FIRST + 3, status: "proposed", proposedTotalSek: 140_000 });
    expect(read.body.previousYears.filter((previous: { year: number }) => previous.year >= FIRST)).toEqual([
      {
        year: FIRST,
        approvedTotalSek: 150_000,
        lines: [
          expect.objectContaining({ purpose: "Drömfabriken i Skultuna", initiativeId, amountSek: 100_000 }),
          expect.objectContaining({ purpose: "Samordning", initiativeId: null, amountSek: 50_000 }),
        ],
      },
      expect.objectContaining({ year: FIRST + 1, approvedTotalSek: 170_000 }),
    ]);

    // As known right after the first approval, only the first year was approved.
    const known = await core.get(
      `${budgetPath(FIRST + 1)}?asOf=${encodeURIComponent(await recordedAtOf(firstApproved.position))}`,
    );
    expect(known.status).toBe(200);
    expect(
      known.body.previousYears.map((previous: { year: number }) => previous.year).filter((year: number) => year >= FIRST),
    ).toEqual([FIRST]);
    expect(known.body.status).toBe("proposed");
  });
});

import { describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  UNKNOWN_ID,
  after,
  appendsNothing,
  expectProblem,
  expectWrite,
  meetingBody,
  ok,
  seedInitiative,
} from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * External funding with a status (applied, granted, rejected) and a budget line
 * (docs/api.md "Budgets"): recorded as applied for and linked to a line, linked to another,
 * granted from a day on, read on both time axes, through the built server.
 */
let core: ApiClient;
let auditor: ApiClient;
let anonymous: ApiClient;

serverForFile((started) => {
  ({ core, auditor, anonymous } = started);
});

const YEAR = 2031;
const BUDGET = `/api/v1/budgets/${FOCUS_AREA}/${YEAR}`;
let lines: Array<{ lineId: string; purpose: string }>;
let fundingId: string;
let lastPosition = 0;
const track = (position: number) => (lastPosition = Math.max(lastPosition, position));

describe("external funding", () => {
  it("POST /external-funding records funding applied for on a budget line: 201, id = the fundingId", async () => {
    const { initiativeId, personId } = await seedInitiative(core);
    ok(
      await core.post(`${BUDGET}/proposal`, {
        lines: [
          { purpose: "Testbädd Årby/Fröslunda", initiativeId, amountSek: 250_000 },
          { purpose: "Samordning", amountSek: 100_000 },
        ],
      }),
    );
    const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([personId], { heldOn: "2025-09-19" }))).id;
    const decisionId = ok(
      await core.post(`/api/v1/meetings/${meetingId}/decisions`, { subject: "Budget", decision: "Godkänns", kind: "budget" }),
    ).id;
    const approved = ok(await core.post(`${BUDGET}/approval`, { decision: { meetingId, decisionId } }));
    lines = (await core.get(after(BUDGET, approved.position))).body.lines;

    const recorded = expectWrite(
      await core.post(`${BUDGET}/external-funding`, {
        source: "Allmänna arvsfonden",
        amountSek: 500_000,
        initiativeId,
        status: "applied",
        lineId: lines[0]!.lineId,
        on: `${YEAR}-02-01`,
      }),
      201,
    );
    fundingId = recorded.id;
    expect(fundingId).not.toBe(`${FOCUS_AREA}-${YEAR}`);
    track(recorded.position);
  });

  it("POST /external-funding with a line the budget does not have: 409 budget-line-not-found, nothing appended", async () => {
    await appendsNothing(auditor, async () =>
      expectProblem(
        await core.post(`${BUDGET}/external-funding`, {
          source: "Vinnova",
          amountSek: 1,
          lineId: UNKNOWN_ID,
          on: `${YEAR}-02-01`,
        }),
        409,
        "/problems/budget-line-not-found",
      ),
    );
  });

  it("POST /external-funding/{fundingId}/line links it to another line: 200, id = the fundingId", async () => {
    const linked = expectWrite(
      await core.post(`${BUDGET}/external-funding/${fundingId}/line`, { lineId: lines[1]!.lineId }),
      200,
    );
    expect(linked.id).toBe(fundingId);
    track(linked.position);
  });

  it("POST /external-funding/{fundingId}/status grants it from a day on: 200; a second decision: 409", async () => {
    const granted = expectWrite(
      await core.post(`${BUDGET}/external-funding/${fundingId}/status`, {
        status: "granted",
        amountSek: 400_000,
        on: `${YEAR}-04-01`,
      }),
      200,
    );
    expect(granted.id).toBe(fundingId);
    track(granted.position);
    expectProblem(
      await core.post(`${BUDGET}/external-funding/${fundingId}/status`, { status: "rejected", on: `${YEAR}-05-01` }),
      409,
      "/problems/external-funding-already-decided",
    );
  });

  it("a funding the budget never recorded: 404; status applied is not a decision: 400", async () => {
    expectProblem(
      await core.post(`${BUDGET}/external-funding/${UNKNOWN_ID}/status`, { status: "granted", on: `${YEAR}-04-01` }),
      404,
      "/problems/not-found",
    );
    expectProblem(
      await core.post(`${BUDGET}/external-funding/${UNKNOWN_ID}/line`, { lineId: lines[0]!.lineId }),
      404,
      "/problems/not-found",
    );
    expectProblem(
      await core.post(`${BUDGET}/external-funding/${fundingId}/status`, { status: "applied", on: `${YEAR}-04-01` }),
      400,
      "/problems/validation",
    );
  });

  it("GET /budgets/{focusArea}/{year}?at: granted from the day of the grant, applied before it, on the line linked", async () => {
    const onDay = async (at: string, asOf?: string) =>
      (await core.get(after(`${BUDGET}?at=${at}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ""}`, lastPosition))).body;
    const granted = await onDay(`${YEAR}-04-01`);
    expect(granted.externalFunding).toEqual([
      expect.objectContaining({
        fundingId,
        status: "granted",
        statusOn: `${YEAR}-04-01`,
        amountSek: 500_000,
        grantedSek: 400_000,
        lineId: lines[1]!.lineId,
      }),
    ]);
    expect(granted).toMatchObject({ externalFundingTotalSek: 400_000, externalFundingAppliedSek: 0 });
    expect(await onDay(`${YEAR}-03-31`)).toMatchObject({
      externalFunding: [{ status: "applied", grantedSek: null }],
      externalFundingTotalSek: 0,
      externalFundingAppliedSek: 500_000,
    });
    // As known before anything was recorded in this run, the budget did not exist.
    expect((await core.get(`${BUDGET}?at=${YEAR}-04-01&asOf=2001-01-01`)).status).toBe(404);
  });

  it("is for the Core Team: no token 401; the auditor 403", async () => {
    expectProblem(await anonymous.post(`${BUDGET}/external-funding/${fundingId}/line`, { lineId: lines[0]!.lineId }), 401);
    expectProblem(await auditor.post(`${BUDGET}/external-funding/${fundingId}/line`, { lineId: lines[0]!.lineId }), 403);
  });

  it("the OpenAPI document lists both new operations with their problems", async () => {
    const document = (await anonymous.get("/docs/openapi.json")).body;
    const status = document.paths["/api/v1/budgets/{focusArea}/{year}/external-funding/{fundingId}/status"]?.post;
    const line = document.paths["/api/v1/budgets/{focusArea}/{year}/external-funding/{fundingId}/line"]?.post;
    expect(status?.operationId).toBe("changeExternalFundingStatus");
    expect(status?.["x-problem-types"]).toEqual(
      expect.arrayContaining(["/problems/external-funding-already-decided", "/problems/not-found"]),
    );
    expect(line?.operationId).toBe("linkExternalFunding");
    expect(line?.["x-problem-types"]).toEqual(expect.arrayContaining(["/problems/budget-line-not-found"]));
    const budgetQuery = document.paths["/api/v1/budgets/{focusArea}/{year}"].get.parameters.map((p: { name: string }) => p.name);
    expect(budgetQuery).toEqual(expect.arrayContaining(["asOf", "at"]));
  });
});

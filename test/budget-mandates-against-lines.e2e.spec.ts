import { describe, expect, it } from "vitest";
import { FOCUS_AREA, after, mandateBody, ok, seedInitiative } from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * A mandate's budget shown against the budget line that funds its initiative: the budget
 * read's `mandatesAgainstLines` (docs/api.md "Budgets"), with a warning where they differ,
 * never a refusal, on at and asOf, through the built server.
 */
let core: ApiClient;
let anonymous: ApiClient;

serverForFile((started) => {
  ({ core, anonymous } = started);
});

const YEAR = 2037;
const BUDGET = `/api/v1/budgets/${FOCUS_AREA}/${YEAR}`;

describe("mandates against the budget lines", () => {
  it("GET /budgets/{focusArea}/{year}: each funded initiative's mandate budget beside its lines, with a warning when they differ", async () => {
    const matched = await seedInitiative(core);
    const exceeding = await seedInitiative(core);
    const none = await seedInitiative(core);
    const grant = (initiativeId: string, budgetSek: number) =>
      core.post(
        `/api/v1/initiatives/${initiativeId}/mandates`,
        mandateBody({ validFrom: `${YEAR}-01-01`, validUntil: `${YEAR}-12-31`, budgetSek }),
      );
    ok(await grant(matched.initiativeId, 100_000));
    // The Core Team may grant more than the line holds: the read model warns, no rule refuses it.
    const last = ok(await grant(exceeding.initiativeId, 80_000));
    const proposed = ok(
      await core.post(`${BUDGET}/proposal`, {
        lines: [
          { purpose: "Matchad", initiativeId: matched.initiativeId, amountSek: 100_000 },
          { purpose: "För liten", initiativeId: exceeding.initiativeId, amountSek: 50_000 },
          { purpose: "Utan mandat", initiativeId: none.initiativeId, amountSek: 30_000 },
          { purpose: "Samordning", amountSek: 10_000 },
        ],
      }),
    );
    const read = await core.get(after(`${BUDGET}?at=${YEAR}-06-01`, Math.max(last.position, proposed.position)));
    expect(read.status).toBe(200);
    expect(read.body.mandatesAgainstLines).toEqual([
      expect.objectContaining({
        initiativeId: matched.initiativeId,
        lineTotalSek: 100_000,
        mandateBudgetSek: 100_000,
        warning: null,
      }),
      expect.objectContaining({
        initiativeId: exceeding.initiativeId,
        lineTotalSek: 50_000,
        mandateBudgetSek: 80_000,
        warning: "mandate-budget-exceeds-line",
      }),
      expect.objectContaining({ initiativeId: none.initiativeId, mandateId: null, warning: "no-mandate-in-force" }),
    ]);
    // Read on a day after the budget's year, the mandates are compared on its last day.
    const later = await core.get(`${BUDGET}?at=${YEAR + 1}-03-01`);
    expect(later.body.mandatesAgainstLines.map((m: { warning: string | null }) => m.warning)).toEqual([
      null,
      "mandate-budget-exceeds-line",
      "no-mandate-in-force",
    ]);
  });

  it("the OpenAPI document describes the budget read's answer, the warnings included", async () => {
    const document = (await anonymous.get("/docs/openapi.json")).body;
    const { $ref } = document.paths["/api/v1/budgets/{focusArea}/{year}"].get.responses["200"].content["application/json"].schema;
    // The answer is a named schema of the document's components.
    const answer = document.components.schemas[$ref.replace("#/components/schemas/", "")];
    expect(JSON.stringify(answer)).toContain("mandate-budget-exceeds-line");
  });
});

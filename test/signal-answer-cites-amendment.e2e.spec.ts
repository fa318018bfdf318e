import { describe, expect, it } from "vitest";
import {
  INITIATIVES as I,
  after,
  appendsNothing,
  expectProblem,
  expectWrite,
  mandateBody,
  ok,
  seedInitiative,
  signalBody,
} from "./support/fixtures.js";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/**
 * Issue #11, item 2 (a): an answer that adjusts the mandate cites the amendment that
 * adjusted it, by that amendment's revision in the initiative stream, and the amendment
 * must name the signal as its trigger (docs/api.md, departure 38).
 */
let core: ApiClient;
let auditor: ApiClient;

serverForFile((started) => ({ core, auditor } = started));

const ADJUSTED = "/problems/mandate-adjustment-needs-amendment";

describe("answering a signal with mandate-adjusted", () => {
  it("cites the amendment the signal triggered; a bare mandate or another amendment is 409", async () => {
    const { initiativeId } = await seedInitiative(core);
    const mandates = `${I}/${initiativeId}/mandates`;
    const mandateId = ok(await core.post(mandates, mandateBody())).id;
    const signalId = ok(await core.post("/api/v1/signals", signalBody(initiativeId, { mandateId }))).id;
    const otherSignalId = ok(await core.post("/api/v1/signals", signalBody(initiativeId, { mandateId }))).id;
    const amend = (triggerId: string) =>
      core.post(`${mandates}/${mandateId}/amendments`, {
        changes: { scope: ["Fritid för barn 10–15 år", "Kvällar i skolans lokaler"] },
        reason: "Signalen visade att lokalerna behövs",
        effectiveFrom: "2025-03-01",
        triggeredBy: { signalId: triggerId },
      });
    const byOther = ok(await amend(otherSignalId));
    const amendment = ok(await amend(signalId));
    const answer = (followUp: Record<string, unknown>, headers?: Record<string, string>) =>
      core.post(
        `/api/v1/signals/${signalId}/answer`,
        { response: "Mandatet utvidgas till kvällar", outcome: "mandate-adjusted", followUp },
        headers,
      );

    await appendsNothing(auditor, async () => {
      const bare = expectProblem(await answer({ mandateId }), 409, ADJUSTED);
      expect(bare.detail).toContain("amendment");
      const sv = expectProblem(await answer({ mandateId }, { "accept-language": "sv" }), 409, ADJUSTED);
      expect(sv.title).toBe(
        "Ett svar som justerar mandatet måste hänvisa till en ändring av mandatet som anger denna signal som orsak",
      );
      expectProblem(await answer({ mandateId, amendment: byOther.revision }), 409, ADJUSTED);
      expectProblem(await answer({ mandateId, amendment: 0 }), 409, ADJUSTED);
    });

    const answered = expectWrite(await answer({ mandateId, amendment: amendment.revision }), 200);
    const list = await core.get(after(`/api/v1/signals?status=answered&initiativeId=${initiativeId}`, answered.position));
    expect(list.body).toEqual([
      expect.objectContaining({
        id: signalId,
        outcome: "mandate-adjusted",
        followUp: { mandateId, amendment: amendment.revision },
      }),
    ]);
    const history = await core.get(after(mandates, answered.position));
    expect(history.body.filter((version: any) => version.change === "amended").map((v: any) => v.triggeredBy)).toEqual([
      { signalId: otherSignalId },
      { signalId },
    ]);
  });

  it("lists the new rule among the answer's problems in the OpenAPI document", async () => {
    const openApi = await core.get("/docs/openapi.json");
    expect(openApi.body.paths["/api/v1/signals/{id}/answer"].post["x-problem-types"]).toContain(ADJUSTED);
  });
});

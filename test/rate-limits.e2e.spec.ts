import { describe, expect, it } from "vitest";
import { expectProblem, ok } from "./support/fixtures.js";
import { type ApiClient, type MandatServer, api, serverForFile, tokenFor } from "./support/mandat-server.js";

/** docs/api.md "Rate limits": small limits, so that a test can pass them. */
const WRITES = 5;
const FAILURES = 3;
let server: MandatServer;
let core: ApiClient;
let admin: ApiClient;

serverForFile(
  ({ server: started, core: coreClient, admin: adminClient }) => ((server = started), (core = coreClient), (admin = adminClient)),
  {
    demo: "off",
    env: { MANDAT_WRITES_PER_MINUTE: String(WRITES), MANDAT_AUTH_FAILURES_PER_MINUTE: String(FAILURES) },
  },
);

describe("rate limits", () => {
  it(`refuses a principal's writes beyond ${WRITES} a minute with 429 problem+json and Retry-After; others still write, reads go on`, async () => {
    for (let i = 0; i < WRITES; i++) ok(await core.post("/api/v1/organisations", { name: `Skrivning ${i}`, kind: "other" }));
    const refused = await core.post(
      "/api/v1/organisations",
      { name: "En för mycket", kind: "other" },
      { "accept-language": "sv" },
    );
    expectProblem(refused, 429, "/problems/too-many-requests");
    expect(refused.body.title).toBe("För många förfrågningar");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await core.get("/api/v1/organisations")).status).toBe(200);
    ok(await admin.post("/api/v1/organisations", { name: "Annan skribent", kind: "other" }));
    // Nothing was appended by the refused write.
    const names = (await core.get("/api/v1/organisations")).body.map((organisation: { name: string }) => organisation.name);
    expect(names).not.toContain("En för mycket");
  });

  // Last: every client of this file shares the address it locks out.
  it(`refuses an address after ${FAILURES} failed authentications in a minute, before looking at its token`, async () => {
    const forged = api(server.url, "forged.token.here");
    for (let i = 0; i < FAILURES; i++) expectProblem(await forged.get("/api/v1/organisations"), 401);
    const refused = await forged.get("/api/v1/organisations");
    expectProblem(refused, 429, "/problems/too-many-requests");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // A good token from the same address is refused too until the minute is over.
    expectProblem(await api(server.url, await tokenFor("auditor")).get("/api/v1/organisations"), 429);
  });
});

import { describe, expect, it } from "vitest";
import { expectProblem } from "./support/fixtures.js";
import { type MandatServer, api, serverForFile, tokenFor } from "./support/mandat-server.js";

/**
 * docs/api.md "Rate limits" behind a reverse proxy: with the proxy's address in
 * MANDAT_TRUSTED_PROXIES, failed authentications count per client address as the proxy
 * forwards it, so one careless client does not lock out everyone behind the same proxy.
 */
const FAILURES = 2;
let server: MandatServer;

serverForFile(({ server: started }) => (server = started), {
  demo: "off",
  env: { MANDAT_TRUSTED_PROXIES: "127.0.0.1", MANDAT_AUTH_FAILURES_PER_MINUTE: String(FAILURES) },
});

const behindProxy = (client: string, token: string) =>
  api(server.url, token).get("/api/v1/organisations", { "x-forwarded-for": client });

describe("failed authentications behind a trusted proxy", () => {
  it("lock out the client the proxy names, not the proxy", async () => {
    for (let i = 0; i < FAILURES; i++) expectProblem(await behindProxy("203.0.113.7", "forged.token.here"), 401);
    expectProblem(await behindProxy("203.0.113.7", "forged.token.here"), 429, "/problems/too-many-requests");

    // Another client behind the same proxy is still answered on its own merits.
    expectProblem(await behindProxy("203.0.113.8", "forged.token.here"), 401);
    expect((await behindProxy("203.0.113.8", await tokenFor("auditor"))).status).toBe(200);
  });
});

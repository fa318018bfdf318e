import { describe, expect, it } from "vitest";
import { expectProblem, ok } from "./support/fixtures.js";
import { type ApiClient, type MandatServer, serverForFile } from "./support/mandat-server.js";

/** docs/api.md "Logs": LOG_LEVEL sets how much is logged; at `warn`, no access lines. */
let server: MandatServer;
let core: ApiClient;
let anonymous: ApiClient;

serverForFile(
  ({ server: started, core: coreClient, anonymous: anonymousClient }) => (
    (server = started),
    (core = coreClient),
    (anonymous = anonymousClient)
  ),
  {
    demo: "off",
    env: { LOG_LEVEL: "warn" },
  },
);

describe("LOG_LEVEL=warn", () => {
  it("logs no line for answered requests, and what it does log is JSON", async () => {
    ok(await core.post("/api/v1/organisations", { name: "Tyst", kind: "other" }));
    expectProblem(await anonymous.get("/api/v1/organisations"), 401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const output = server.output();
    expect(output).toContain("Mandat is running at");
    expect(output).not.toContain("request answered");
    for (const line of output.split("\n").filter((text) => text.startsWith("{"))) {
      expect(JSON.parse(line).level).toBeGreaterThanOrEqual(40);
    }
  });
});

import { describe, expect, it } from "vitest";
import { type ApiClient, serverForFile } from "./support/mandat-server.js";

/** Issue 15, "Health": liveness and readiness for orchestrators, beside GET /health; no token needed. */
let anonymous: ApiClient;

serverForFile((started) => ({ anonymous } = started));

describe("health for orchestrators", () => {
  it("GET /health/live: 200 alive", async () => {
    const response = await anonymous.get("/health/live");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "alive" });
  });

  it("GET /health/ready: 200 ok once the read models have caught up, the same answer as GET /health", async () => {
    const [ready, health] = await Promise.all([anonymous.get("/health/ready"), anonymous.get("/health")]);
    expect(ready.status).toBe(200);
    // The log holds what serverForFile wrote to sign its Core Team member in, and nothing else.
    expect(ready.body).toMatchObject({ status: "ok", headPosition: 4 });
    expect(ready.body).toEqual(health.body);
  });

  it("both are in the OpenAPI document, public", async () => {
    const paths = (await anonymous.get("/docs/openapi.json")).body.paths;
    for (const path of ["/health", "/health/live", "/health/ready"]) {
      expect(paths[path]?.get, path).toBeDefined();
      expect(paths[path].get.security ?? [], path).toEqual([]);
    }
  });
});

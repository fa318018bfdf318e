import { rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { type ApiClient, api, serverForFile, startServer } from "./support/mandat-server.js";
import { openApiValidator } from "./support/openapi-validator.js";

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

describe("a server whose read model has stopped on an event", () => {
  it("answers readiness 503 degraded, naming it and the event, as the OpenAPI document describes", async () => {
    const first = await startServer({ demo: "off" });
    await first.stop();
    const readModels = new Database(join(first.dataDir, "read-models.sqlite"));
    try {
      readModels
        .prepare("UPDATE projection_checkpoints SET status = 'stopped', failure = ? WHERE name = 'budgets'")
        .run(JSON.stringify({ position: 1, eventId: "event-1", type: "BudgetProposed", message: "a bug" }));
    } finally {
      readModels.close();
    }
    const second = await startServer({ demo: "off", dataDir: first.dataDir, until: "answering" });
    try {
      const client = api(second.url);
      const [ready, health] = await Promise.all([client.get("/health/ready"), client.get("/health")]);
      expect([ready.status, health.status]).toEqual([503, 503]);
      expect(ready.body.status).toBe("degraded");
      expect(ready.body.projections.find((projection: { name: string }) => projection.name === "budgets")).toMatchObject({
        state: "stopped",
        failure: { type: "BudgetProposed", message: "a bug" },
      });
      const { answerSchema } = openApiValidator((await client.get("/docs/openapi.json")).body);
      for (const [path, answer] of [
        ["/health/ready", ready],
        ["/health", health],
      ] as const) {
        const fits = answerSchema(path, 503);
        expect(fits(answer.body) ? [] : fits.errors, path).toEqual([]);
      }
    } finally {
      await second.dispose();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});

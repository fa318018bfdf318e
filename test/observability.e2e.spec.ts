import { describe, expect, it } from "vitest";
import { expectProblem, ok } from "./support/fixtures.js";
import { type ApiClient, type MandatServer, api, serverForFile, tokenFor } from "./support/mandat-server.js";
import { TEST_METRICS_TOKEN, sample, scrape } from "./support/metrics.js";
import { personIdOf } from "./support/people.js";

/** docs/api.md "Logs" and "Metrics". */
let server: MandatServer;
let core: ApiClient;

serverForFile(({ server: started, core: coreClient }) => ((server = started), (core = coreClient)), {
  demo: "off",
  env: { METRICS_TOKEN: TEST_METRICS_TOKEN, LOG_LEVEL: "info" },
});

describe("metrics", () => {
  it("needs the metrics token: 401 problem+json without it", async () => {
    expectProblem(await core.get("/metrics"), 401, "/problems/unauthenticated");
  });

  it("a scrape shows a request by route pattern and status, an append and its group commit, projection lag, feeds open", async () => {
    const organisation = ok(await core.post("/api/v1/organisations", { name: "Mätbar", kind: "other" }));
    expect((await core.get(`/api/v1/organisations/${organisation.id}/governing-contexts`)).status).toBe(200);
    const text = await scrape(server.url);
    const requests = "mandat_http_request_duration_seconds_count";
    expect(sample(text, requests, { method: "POST", route: "/api/v1/organisations", status: "201" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, requests, { method: "GET", route: "/api/v1/organisations/:id/governing-contexts", status: "200" })).toBe(
      1,
    );
    expect(text).not.toContain(organisation.id);
    expect(sample(text, "mandat_event_store_append_duration_seconds_count")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "mandat_event_store_group_commit_appends_count")).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^mandat_projection_lag_events\{read_model="[^"]+"\} \d+$/m);
    expect(sample(text, "mandat_live_feeds_open")).toBe(0);
  });
});

describe("access log", () => {
  it("one JSON line per request: request id, principal id, route pattern, status, duration; no token, no personal data", async () => {
    // A token sent with a request: it must not reach the log.
    const token = await tokenFor("admin");
    expect((await api(server.url, token).get("/api/v1/organisations")).status).toBe(200);
    const organisation = ok(await core.post("/api/v1/organisations", { name: "Loggad", kind: "other" }));
    const response = await core.post("/api/v1/people", {
      organisationId: organisation.id,
      name: "Hemlig Testperson",
      email: "hemlig.testperson@example.se",
    });
    const person = ok(response);
    expect((await core.get(`/api/v1/people/${person.id}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const lines = server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line));
    const write = lines.find((line) => line.reqId === response.headers.get("x-request-id"));
    expect(write).toMatchObject({ principal: await personIdOf(core), method: "POST", route: "/api/v1/people", status: 201 });
    expect(typeof write.durationMs).toBe("number");
    expect(lines.some((line) => line.route === "/api/v1/people/:id" && line.status === 200)).toBe(true);
    const output = server.output();
    for (const secret of [token, "Hemlig Testperson", "hemlig.testperson@example.se", person.id])
      expect(output).not.toContain(secret);
  });
});

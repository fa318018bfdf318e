import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { logHead } from "./support/fixtures.js";
import { type MandatServer, api, freshDataDir, startServer, tokenFor } from "./support/mandat-server.js";
import { openRaw, requestHead } from "./support/raw-http.js";

/**
 * Issue 15, defect 6: from SIGTERM on, the server drains. A write already in flight
 * finishes; a write that arrives is 503 `shutting-down` with Retry-After, and so is
 * /health/ready, so a balancer stops sending traffic; then the process exits 0.
 */
const dataDir = freshDataDir();
const servers: MandatServer[] = [];

afterAll(async () => {
  for (const server of servers) await server.dispose();
});

const ORGANISATION = '{"name":"Under avstängning","kind":"other"}';

describe("SIGTERM: draining", () => {
  it("finishes the write in flight, refuses new writes and readiness with 503 and Retry-After, then exits 0", async () => {
    // No drain window: the listener closes at once, and only the connections already open are answered.
    const server = await startServer({ demo: "off", dataDir, env: { MANDAT_DRAIN_MS: "0" } });
    servers.push(server);
    const token = await tokenFor("admin");
    const post = (length: number) =>
      requestHead("POST", "/api/v1/organisations", {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "content-length": String(length),
      });
    const length = Buffer.byteLength(ORGANISATION);

    // In flight: the server has the request's head and waits for the rest of its body.
    const inFlight = await openRaw(server.url, post(length) + ORGANISATION.slice(0, 8));
    // Arriving: only part of their heads has come when the signal does.
    const newWrite = await openRaw(server.url, post(length).slice(0, 30));
    const readiness = await openRaw(server.url, "GET /health/ready HTTP/1.1\r\n");
    await sleep(300);

    const exited = server.stop("SIGTERM");
    for (let waited = 0; !server.output().includes("SIGTERM") && waited < 5_000; waited += 20) await sleep(20);
    expect(server.output()).toContain("SIGTERM: finishing in-flight requests");

    newWrite.write(post(length).slice(30) + ORGANISATION);
    const refused = await newWrite.answer(5_000);
    expect(refused.status, refused.raw).toBe(503);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.headers.connection).toBe("close");
    expect(refused.body).toMatchObject({ type: "/problems/shutting-down", status: 503 });

    readiness.write("Host: mandat.test\r\n\r\n");
    const notReady = await readiness.answer(5_000);
    expect(notReady.status, notReady.raw).toBe(503);
    expect(notReady.body).toMatchObject({ type: "/problems/shutting-down" });

    inFlight.write(ORGANISATION.slice(8));
    const finished = await inFlight.answer(5_000);
    expect(finished.status, finished.raw).toBe(201);
    expect(finished.body.position).toBe(1);

    expect(await exited).toBe(0);

    // Restarted on the same data: the log holds the write that was in flight, and only it.
    const restarted = await startServer({ demo: "off", dataDir });
    servers.push(restarted);
    expect(await logHead(api(restarted.url, await tokenFor("auditor")))).toBe(1);
  });

  it("keeps listening for MANDAT_DRAIN_MS: new connections get 503 for writes and readiness, reads as ever; then it exits 0", async () => {
    const server = await startServer({ demo: "off", env: { MANDAT_DRAIN_MS: "1500" } });
    servers.push(server);
    const admin = api(server.url, await tokenFor("admin"));
    const exited = server.stop("SIGTERM");
    for (let waited = 0; !server.output().includes("refusing writes and readiness") && waited < 5_000; waited += 20) {
      await sleep(20);
    }
    // Fresh connections (fetch opens its own), as a balancer's would be, while the window lasts.
    const write = await fetch(`${server.url}/api/v1/organisations`, {
      method: "POST",
      headers: { authorization: `Bearer ${await tokenFor("admin")}`, "content-type": "application/json" },
      body: ORGANISATION,
    });
    expect(write.status).toBe(503);
    expect(write.headers.get("retry-after")).toBe("5");
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(503);
    expect((await admin.get("/api/v1/organisations")).status).toBe(200);
    expect(await exited).toBe(0);
    await expect(fetch(`${server.url}/health/live`)).rejects.toThrow();
  });

  it("stops at once on Ctrl-C (SIGINT) during the drain window, and exits 0", async () => {
    const server = await startServer({ demo: "off", env: { MANDAT_DRAIN_MS: "60000" } });
    servers.push(server);
    const exited = server.stop("SIGTERM");
    for (let waited = 0; !server.output().includes("refusing writes and readiness") && waited < 5_000; waited += 20) {
      await sleep(20);
    }
    const started = Date.now();
    void server.stop("SIGINT");
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

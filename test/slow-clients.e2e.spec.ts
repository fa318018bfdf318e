import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logHead } from "./support/fixtures.js";
import { type MandatServer, api, runUntilExit, startServer, tokenFor } from "./support/mandat-server.js";
import { openRaw, rawExchange, requestHead } from "./support/raw-http.js";

/**
 * Issue 15, defect 4: a client too slow with its headers, its body, or silent on its
 * connection is answered 408 problem+json and the connection is closed, within limits set
 * by MANDAT_HEADERS_TIMEOUT_MS, MANDAT_REQUEST_TIMEOUT_MS and MANDAT_IDLE_TIMEOUT_MS (short
 * here, so the tests are quick; none of them measures speed, only that the limit is kept).
 */
const HEADERS_MS = 600;
const REQUEST_MS = 1_500;
const IDLE_MS = 900;
/** Well past every limit: a connection still open by then was not timed out. */
const PATIENCE_MS = 8_000;

let server: MandatServer;
let token: string;

beforeAll(async () => {
  server = await startServer({
    demo: "off",
    env: {
      MANDAT_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
      MANDAT_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
      MANDAT_IDLE_TIMEOUT_MS: String(IDLE_MS),
    },
  });
  token = await tokenFor("admin");
});

afterAll(async () => {
  await server?.dispose();
});

const writeHead = (length: number) =>
  requestHead("POST", "/api/v1/organisations", {
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
    "content-length": String(length),
  });

const BODY = '{"name":"Långsam","kind":"other"}';

/** A 408 problem+json on a connection the server then closed. */
function expectTimedOut(answer: Awaited<ReturnType<typeof rawExchange>>): void {
  expect(answer.closedByServer, "the server closed the connection").toBe(true);
  expect(answer.status, answer.raw).toBe(408);
  expect(answer.headers["content-type"]).toBe("application/problem+json");
  expect(answer.headers.connection).toBe("close");
  expect(answer.body).toMatchObject({ type: "/problems/request-timeout", status: 408 });
}

describe("slow clients", () => {
  it("headers that never finish: 408 once the headers timeout passes", async () => {
    const answer = await rawExchange(server.url, "GET /health HTTP/1.1\r\nHost: mandat.test\r\n", PATIENCE_MS);
    expectTimedOut(answer);
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(HEADERS_MS - 50);
  });

  it("a body that stops coming: 408 naming the request, nothing appended", async () => {
    const auditor = api(server.url, await tokenFor("auditor"));
    const head = await logHead(auditor);
    const bytes = Buffer.byteLength(BODY);
    const answer = await rawExchange(server.url, writeHead(bytes) + BODY.slice(0, 10), PATIENCE_MS);
    expectTimedOut(answer);
    expect(answer.body.instance).toBe("/api/v1/organisations");
    expect(await logHead(auditor)).toBe(head);
  });

  it("a body that trickles in, never idle, still ends at the request timeout", async () => {
    const bytes = Buffer.byteLength(BODY) + 100;
    const connection = await openRaw(server.url, writeHead(bytes) + "{");
    let sent = 0;
    const trickle = setInterval(() => {
      if (sent++ < 40) connection.write(" ");
    }, IDLE_MS / 3);
    try {
      const answer = await connection.answer(PATIENCE_MS);
      expectTimedOut(answer);
      expect(answer.elapsedMs).toBeGreaterThanOrEqual(REQUEST_MS - 50);
    } finally {
      clearInterval(trickle);
    }
  });

  it("a connection left idle after an answer is closed (there is no request to answer)", async () => {
    const answer = await rawExchange(server.url, requestHead("GET", "/health/live"), PATIENCE_MS);
    expect(answer.status).toBe(200);
    expect(answer.closedByServer).toBe(true);
  });

  it("a client within the limits is answered as usual", async () => {
    const bytes = Buffer.byteLength(BODY);
    const connection = await openRaw(server.url, writeHead(bytes) + BODY.slice(0, 10));
    await sleep(IDLE_MS / 3);
    connection.write(BODY.slice(10));
    await connection.firstBytes();
    const answer = await connection.answer(0);
    expect(answer.status, answer.raw).toBe(201);
  });
});

describe("the timeouts are settings", () => {
  it("a headers timeout longer than the request timeout is refused at start (exit 78, naming both)", async () => {
    const { exitCode, output } = await runUntilExit({
      env: { MANDAT_HEADERS_TIMEOUT_MS: "5000", MANDAT_REQUEST_TIMEOUT_MS: "1000" },
    });
    expect(exitCode).toBe(78);
    expect(output).toMatch(/MANDAT_HEADERS_TIMEOUT_MS must not exceed MANDAT_REQUEST_TIMEOUT_MS/);
  });

  it("a timeout that is not a number of milliseconds is refused at start", async () => {
    const { exitCode, output } = await runUntilExit({ env: { MANDAT_IDLE_TIMEOUT_MS: "30s" } });
    expect(exitCode).toBe(78);
    expect(output).toMatch(/MANDAT_IDLE_TIMEOUT_MS/);
  });
});

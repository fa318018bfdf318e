import { Agent, request } from "node:http";
import { rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  INITIATIVES as I,
  type SeededInitiative,
  after,
  checkInBody,
  expectWrite,
  logHead,
  mandateBody,
  ok,
  seedInitiative,
  signalBody,
} from "./support/fixtures.js";
import { openLiveFeed } from "./support/live-feed.js";
import { type MandatServer, api, freshDataDir, startServer, tokenFor } from "./support/mandat-server.js";
import { coreTeamToken } from "./support/people.js";

/** Persistence across a restart, and a graceful SIGTERM that lets a command in flight finish. */
const dataDir = freshDataDir();
let first: MandatServer;
let second: MandatServer | undefined;
let coreToken: string;
let seeded: SeededInitiative;
/** What the first server answered before the restart: the restarted one must answer the same. */
let overviewBefore: any;
let historyBefore: any;

/** A client that keeps its connections open as long as the server lets it. */
const keepAlive = new Agent({ keepAlive: true });

/** A POST whose body is sent in two parts: the request is in flight until `finish()` is called. */
function postInTwoParts(url: string, path: string, token: string, body: string) {
  const bytes = Buffer.from(body, "utf8");
  const split = 16;
  const sent = request(`${url}${path}`, {
    agent: keepAlive,
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": String(bytes.length) },
  });
  const answered = new Promise<{ status: number; body: any }>((resolve, reject) => {
    sent.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      response.on("error", reject);
    });
    sent.on("error", reject);
  });
  sent.flushHeaders();
  sent.write(bytes.subarray(0, split));
  return { answered, finish: () => sent.end(bytes.subarray(split)) };
}

beforeAll(async () => {
  // No drain window after SIGTERM (draining.e2e.spec.ts has it): the listener closes at once.
  first = await startServer({ demo: "off", dataDir, env: { MANDAT_DRAIN_MS: "0" } });
  coreToken = await coreTeamToken(api(first.url, await tokenFor("admin")));
  const core = api(first.url, coreToken);
  seeded = await seedInitiative(core, "Beständigt");
  const mandateId = ok(await core.post(`${I}/${seeded.initiativeId}/mandates`, mandateBody())).id;
  ok(
    await core.post(`${I}/${seeded.initiativeId}/mandates/${mandateId}/amendments`, {
      changes: { budgetSek: 400_000 },
      reason: "Mer pengar",
      effectiveFrom: "2025-05-01",
    }),
  );
  ok(await core.post(`${I}/${seeded.initiativeId}/check-ins`, checkInBody(seeded.personId)));
  const signal = ok(await core.post("/api/v1/signals", signalBody(seeded.initiativeId)));
  overviewBefore = (await core.get(after(`${I}/${seeded.initiativeId}?at=2025-07-01`, signal.position))).body;
  historyBefore = (await core.get(`${I}/${seeded.initiativeId}/mandates`)).body;
  expect(overviewBefore.mandate.budgetSek).toBe(400_000);
  expect(historyBefore).toHaveLength(2);
});

afterAll(async () => {
  keepAlive.destroy();
  await first?.dispose();
  await second?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

// One test: each step needs what the step before left (a server stopped with a command in
// flight, then a second server on its data folder), so a failure names the step it stopped at.
describe("SIGTERM with a command in flight, then a restart on the same data folder", () => {
  it("finishes the command (2xx), ends live feeds and exits 0; the restarted server reads it all back, verifies, continues the same streams and takes the same tokens", async () => {
    // SIGTERM: the command in flight finishes, live feeds end, the process exits 0.
    const feed = await openLiveFeed(first.url, { authorization: `Bearer ${await tokenFor("auditor")}` });
    expect(feed.status).toBe(200);
    const headBefore = await logHead(api(first.url, await tokenFor("auditor")));

    const inFlight = postInTwoParts(
      first.url,
      `${I}/${seeded.initiativeId}/check-ins`,
      coreToken,
      JSON.stringify(
        checkInBody(seeded.personId, { heldOn: "2025-03-03", notes: "Mitt i avstängningen", nextCheckInOn: undefined }),
      ),
    );
    await sleep(400); // the server has the request's head and waits for the rest of its body
    const exit = first.stop("SIGTERM");
    // The server is shutting down before the rest of the body arrives.
    for (let waited = 0; !first.output().includes("SIGTERM") && waited < 5_000; waited += 20) await sleep(20);
    expect(first.output()).toContain("SIGTERM: finishing in-flight requests");
    await sleep(100);
    inFlight.finish();

    const answer = await inFlight.answered;
    const answeredAt = Date.now();
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.position).toBe(headBefore + 1);
    const inFlightCheckInId = answer.body.id;
    const lastInitiativeRevision = answer.body.revision;

    // The keep-alive client does not hold the server open once its answer is sent.
    expect(await exit).toBe(0);
    expect(Date.now() - answeredAt).toBeLessThan(3_000);
    await feed.ended;
    expect(first.output()).toMatch(/finishing in-flight requests/i);

    // The restart reads everything back: overview, mandate history, the in-flight command.
    second = await startServer({ demo: "off", dataDir });
    const core = api(second.url, coreToken);
    const auditor = api(second.url, await tokenFor("auditor"));
    // The second server reopened the same log: its head is the first's last write.
    const health = await api(second.url).get("/health");
    expect(health.body).toMatchObject({ status: "ok", headPosition: headBefore + 1 });

    const overview = await core.get(`${I}/${seeded.initiativeId}?at=2025-07-01`);
    expect(overview.status).toBe(200);
    const { lastCheckIn, nextCheckInDue: _nextDue, checkInOverdue: _overdue, asOf: _asOf, ...rest } = overview.body;
    const { lastCheckIn: _l, nextCheckInDue: _n, checkInOverdue: _o, asOf: _a, ...restBefore } = overviewBefore;
    expect(rest).toEqual(restBefore);
    expect(lastCheckIn.checkInId).toBe(inFlightCheckInId);
    expect(lastCheckIn.heldOn).toBe("2025-03-03");

    const history = await core.get(`${I}/${seeded.initiativeId}/mandates`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual(historyBefore);

    const events = await auditor.get(`/api/v1/audit/events?fromPosition=${headBefore + 1}`);
    expect(events.body).toHaveLength(1);
    expect(events.body[0]).toMatchObject({ type: "CheckInHeld", streamId: `initiative-${seeded.initiativeId}` });
    expect(events.body[0].data.notes).toBe("Mitt i avstängningen");

    // It verifies the log: GET /audit/verify is `{ ok: true, checkedEvents }`.
    const verified = await auditor.get("/api/v1/audit/verify");
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, checkedEvents: headBefore + 1 });
    expect(verified.body.brokenAt).toBeUndefined();

    // A write after the restart continues the same streams and the same log.
    const goal = expectWrite(await core.post(`${I}/${seeded.initiativeId}/goals`, { statement: "Efter omstarten" }), 201);
    expect(goal.revision).toBe(lastInitiativeRevision + 1);
    expect(goal.position).toBe(headBefore + 2);
    const stream = await auditor.get(`/api/v1/audit/events?streamId=initiative-${seeded.initiativeId}&limit=1000`);
    const revisions = (stream.body as Array<{ revision: number }>).map((e) => e.revision);
    expect(revisions).toEqual(revisions.map((_, i) => i));
    const [last, previous] = [stream.body.at(-1), stream.body.at(-2)];
    expect(last.metadata.prevHash).toBe(previous.metadata.hash);
    const verifiedAfter = await auditor.get("/api/v1/audit/verify");
    expect(verifiedAfter.body).toMatchObject({ ok: true, checkedEvents: headBefore + 2 });
    const overviewAfter = await core.get(after(`${I}/${seeded.initiativeId}`, goal.position));
    expect(overviewAfter.body.goals.map((g: { statement: string }) => g.statement)).toContain("Efter omstarten");

    // Tokens signed with the same secret keep working, and a second SIGTERM exits 0 again.
    expect((await api(second.url, coreToken).get(I)).status).toBe(200);
    expect(await second.stop("SIGTERM")).toBe(0);
  }, 40_000);
});

import { beforeAll, describe, expect, it } from "vitest";
import {
  INITIATIVES as I,
  type SeededInitiative,
  after,
  appendsNothing,
  checkInBody,
  expectProblem,
  expectWrite,
  logHead,
  mandateBody,
  meetingBody,
  ok,
  seedInitiative,
  signalBody,
} from "./support/fixtures.js";
import { type ApiClient, type ApiResponse, serverForFile } from "./support/mandat-server.js";

/** docs/api.md "Idempotency", "Optimistic concurrency" and "Reads" (minPosition). */
let core: ApiClient;
let auditor: ApiClient;
let seeded: SeededInitiative;

/** The one read that must wait 5 s: started first, so the other tests run while it waits. */
let beyondHead: Promise<{ response: ApiResponse; waited: number }>;

serverForFile((started) => ({ core, auditor } = started));

beforeAll(async () => {
  const started = Date.now();
  beyondHead = core.get(`${I}?minPosition=1000000`).then((response) => ({ response, waited: Date.now() - started }));
  seeded = await seedInitiative(core, "Samtidigheten");
});

describe("Idempotency-Key", () => {
  it("the same key with the same body returns the first response (201) again and appends nothing", async () => {
    const body = { name: "Idempotenta kommunen", kind: "municipality" };
    const key = { "idempotency-key": "e2e-org-1" };
    const first = await core.post("/api/v1/organisations", body, key);
    const written = expectWrite(first, 201);
    expect(await logHead(auditor)).toBe(written.position);

    const again = await appendsNothing(auditor, () =>
      core.post("/api/v1/organisations", { kind: "municipality", name: "Idempotenta kommunen" }, key),
    );
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(again.headers.get("log-position")).toBe(first.headers.get("log-position"));

    const events = await auditor.get(`/api/v1/audit/events?streamId=organisation-${written.id}`);
    expect(events.body).toHaveLength(1);
    expect(events.body[0].metadata.idempotencyKey).toBe("e2e-org-1");
  });

  it("a 200 write replayed is the same 200 with the same body, even after the stream moved on", async () => {
    const path = `${I}/${seeded.initiativeId}/check-in-cadence`;
    const key = { "idempotency-key": "e2e-cadence" };
    const first = await core.post(path, { everyDays: 14 }, key);
    expectWrite(first, 200);
    ok(await core.post(`${I}/${seeded.initiativeId}/goals`, { statement: "Ett mål emellan" }));
    const again = await appendsNothing(auditor, () => core.post(path, { everyDays: 14 }, key));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it("the same key with a different body is 422 problem+json, nothing appended", async () => {
    const key = { "idempotency-key": "e2e-org-2" };
    ok(await core.post("/api/v1/organisations", { name: "Första", kind: "other" }, key));
    await appendsNothing(auditor, async () => {
      const reused = await core.post("/api/v1/organisations", { name: "Andra", kind: "other" }, key);
      expectProblem(reused, 422, "/problems/idempotency-key-reused");
      // The same body on another path is another request too.
      expectProblem(await core.post("/api/v1/people", { organisationId: seeded.organisationId, name: "Första" }, key), 422);
    });
  });

  it("the same key sent five times at once is written once; every answer is the first", async () => {
    const key = { "idempotency-key": "e2e-parallel" };
    const body = signalBody(seeded.initiativeId, { summary: "Samma signal fem gånger" });
    const head = await logHead(auditor);
    const answers = await Promise.all(Array.from({ length: 5 }, () => core.post("/api/v1/signals", body, key)));
    for (const answer of answers) {
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual(answers[0]!.body);
    }
    expect(await logHead(auditor)).toBe(head + 1);
  });
});

describe("If-Match", () => {
  it("a stale revision is 412 and appends nothing; the current revision succeeds", async () => {
    const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([seeded.personId]))).id;
    const first = expectWrite(await core.post(`/api/v1/meetings/${meetingId}/comments`, { topic: "A", comment: "Först" }), 200);
    const stale = first.revision;
    const second = expectWrite(await core.post(`/api/v1/meetings/${meetingId}/comments`, { topic: "B", comment: "Sedan" }), 200);
    expect(second.revision).toBe(stale + 1);

    const conflict = await appendsNothing(auditor, () =>
      core.post(`/api/v1/meetings/${meetingId}/comments`, { topic: "C", comment: "Gammal bild" }, { "if-match": `"${stale}"` }),
    );
    expectProblem(conflict, 412, "/problems/precondition-failed");

    const current = await core.post(
      `/api/v1/meetings/${meetingId}/comments`,
      { topic: "C", comment: "Färsk bild" },
      { "if-match": `"${second.revision}"` },
    );
    const written = expectWrite(current, 200);
    expect(written.revision).toBe(second.revision + 1);
    const minutes = await core.get(after(`/api/v1/meetings/${meetingId}`, written.position));
    expect(minutes.body.comments.map((c: { comment: string }) => c.comment)).toEqual(["Först", "Sedan", "Färsk bild"]);
  });

  it("If-Match on an initiative: the ETag of the last write is the revision to send", async () => {
    const target = await seedInitiative(core, "Villkorat");
    const goal = await core.post(`${I}/${target.initiativeId}/goals`, { statement: "Andra målet" });
    const etag = goal.headers.get("etag")!;
    const third = ok(await core.post(`${I}/${target.initiativeId}/goals`, { statement: "Tredje målet" }));
    const stale = await appendsNothing(auditor, () =>
      core.post(`${I}/${target.initiativeId}/mandates`, mandateBody(), { "if-match": etag }),
    );
    expectProblem(stale, 412);
    const overview = await core.get(after(`${I}/${target.initiativeId}?at=2025-03-01`, third.position));
    expect(overview.body.mandate).toBeNull();
    const fresh = `"${Number(JSON.parse(etag)) + 1}"`;
    expectWrite(await core.post(`${I}/${target.initiativeId}/mandates`, mandateBody(), { "if-match": fresh }), 201);
  });

  it("without If-Match, 10 check-ins in parallel to one initiative all succeed: no lost update, no 412", async () => {
    const target = await seedInitiative(core, "Parallellt");
    const before = await auditor.get(`/api/v1/audit/events?streamId=initiative-${target.initiativeId}`);
    const startRevision = (before.body as Array<{ revision: number }>).at(-1)!.revision;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        core.post(
          `${I}/${target.initiativeId}/check-ins`,
          checkInBody(target.personId, {
            notes: `Parallell ${i}`,
            heldOn: `2025-02-${String(i + 10)}`,
            nextCheckInOn: undefined,
          }),
        ),
      ),
    );
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const revisions = answers.map((a) => a.body.revision as number).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 10 }, (_, i) => startRevision + 1 + i));
    const last = Math.max(...answers.map((a) => a.body.position as number));
    const checkIns = await core.get(after(`${I}/${target.initiativeId}/check-ins`, last));
    expect(checkIns.body).toHaveLength(10);
    expect(new Set(checkIns.body.map((c: { notes: string }) => c.notes)).size).toBe(10);
  });
});

describe("minPosition", () => {
  it("a read with a write's Log-Position always sees that write", async () => {
    const target = await seedInitiative(core, "Läs din skrivning");
    for (let i = 0; i < 8; i++) {
      const signal = await core.post("/api/v1/signals", signalBody(target.initiativeId, { summary: `Signal ${i}` }));
      const position = signal.headers.get("log-position")!;
      const inbox = await core.get(
        `/api/v1/signals?status=unanswered&initiativeId=${target.initiativeId}&minPosition=${position}`,
      );
      expect(inbox.status).toBe(200);
      expect(inbox.body.map((s: { id: string }) => s.id)).toContain(signal.body.id);
      const overview = await core.get(`${I}/${target.initiativeId}?minPosition=${position}`);
      expect(overview.body.unansweredSignals).toHaveLength(i + 1);
    }
    const goal = await core.post(`${I}/${target.initiativeId}/goals`, { statement: "Syns direkt" });
    const overview = await core.get(`${I}/${target.initiativeId}?minPosition=${goal.headers.get("log-position")}`);
    expect(overview.body.goals.map((g: { goalId: string }) => g.goalId)).toContain(goal.body.id);
  });

  it("a position far beyond the head waits about 5 s, then answers 503 with Retry-After", async () => {
    const { response, waited } = await beyondHead;
    expect(await logHead(auditor)).toBeLessThan(1_000_000);
    expectProblem(response, 503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(waited).toBeGreaterThanOrEqual(4_500);
    expect(waited).toBeLessThan(9_000);
  }, 15_000);
});

import { beforeAll, describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  INITIATIVES as I,
  type SeededInitiative,
  UNKNOWN_ID,
  type WriteBody,
  appendsNothing,
  checkInBody,
  expectProblem,
  logHead,
  mandateBody,
  meetingBody,
  ok,
  seedInitiative,
  signalBody,
  tensionBody,
} from "./support/fixtures.js";
import { type ApiClient, type ApiResponse, serverForFile } from "./support/mandat-server.js";

/** docs/api.md "Errors": problem+json (RFC 9457), 400 with field errors, 404, 409 per rule, 413; nothing appended on any error. */
let core: ApiClient;
let auditor: ApiClient;
let anonymous: ApiClient;
let seeded: SeededInitiative;

serverForFile((started) => ({ core, auditor, anonymous } = started));

beforeAll(async () => {
  seeded = await seedInitiative(core, "Felinitiativet");
});

/** A request that must fail, and append nothing. */
const failing = (request: () => Promise<ApiResponse>): Promise<ApiResponse> => appendsNothing(auditor, request);

/** A 400 whose `errors` name `field` (e.g. `name` is named as `body.name`). */
function expectFieldError(response: ApiResponse, field: string): { path: string; message: string } {
  const problem = expectProblem(response, 400, "/problems/validation");
  expect(Array.isArray(problem.errors)).toBe(true);
  for (const error of problem.errors) {
    expect(typeof error.path).toBe("string");
    expect(typeof error.message).toBe("string");
  }
  const error = (problem.errors as Array<{ path: string; message: string }>).find((e) => e.path.split(".").at(-1) === field);
  expect(error, `errors ${JSON.stringify(problem.errors)} should name ${field}`).toBeDefined();
  expect(error!.message.length).toBeGreaterThan(0);
  return error!;
}

describe("400: validation, with errors naming the field", () => {
  it("a missing field", async () => {
    const response = await failing(() => core.post("/api/v1/organisations", { kind: "municipality" }));
    expectFieldError(response, "name");
  });

  it("a wrong type", async () => {
    const response = await failing(() => core.post(`${I}/${seeded.initiativeId}/check-in-cadence`, { everyDays: "fourteen" }));
    expectFieldError(response, "everyDays");
    const rating = await failing(() =>
      core.post(`${I}/${seeded.initiativeId}/check-ins`, checkInBody(seeded.personId, { mandateClarity: 4.5 })),
    );
    expectFieldError(rating, "mandateClarity");
  });

  it("an over-long string", async () => {
    const response = await failing(() => core.post("/api/v1/organisations", { name: "x".repeat(201), kind: "municipality" }));
    expectFieldError(response, "name");
    const long = await failing(() => core.post(`${I}/${seeded.initiativeId}/goals`, { statement: "m".repeat(4001) }));
    expectFieldError(long, "statement");
  });

  it("an unknown field", async () => {
    const response = await failing(() =>
      core.post("/api/v1/organisations", { name: "Kommunen", kind: "municipality", colour: "blå" }),
    );
    expectFieldError(response, "colour");
  });

  it("several problems are all named; a bad enum value too", async () => {
    const response = await failing(() =>
      core.post("/api/v1/signals", signalBody(seeded.initiativeId, { kind: "gossip", summary: "" })),
    );
    expectFieldError(response, "kind");
    expectFieldError(response, "summary");
  });

  it("a bad query parameter or path id", async () => {
    expectFieldError(await core.get(`${I}/${seeded.initiativeId}?at=igår`), "at");
    expectFieldError(await core.get(`${I}/${seeded.initiativeId}?asOf=not-an-instant`), "asOf");
    expectFieldError(await core.get(`/api/v1/signals?status=maybe`), "status");
    expectFieldError(await core.get(`${I}/${seeded.initiativeId}/tensions/timeline?bucket=day`), "bucket");
    expectFieldError(await core.get(`${I}/not-a-uuid`), "id");
  });

  it("a period that ends before it starts, wherever a read takes one", async () => {
    const reversed = "from=2026-12-01&to=2026-01-01";
    expectFieldError(await core.get(`/api/v1/meetings?${reversed}`), "to");
    expectFieldError(await core.get(`/api/v1/decisions?${reversed}`), "to");
    expectFieldError(await auditor.get(`/api/v1/audit/export?${reversed}`), "to");
    expectFieldError(await auditor.get(`/api/v1/audit/archive?${reversed}`), "to");
    const sv = expectFieldError(await core.get(`/api/v1/meetings?${reversed}`, { "accept-language": "sv" }), "to");
    expect(sv.message).toBe("to får inte vara före from");
    expect((await core.get("/api/v1/meetings?from=2026-01-01&to=2026-01-01")).status).toBe(200);
  });

  it("a date beyond the calendar's range (2000-2100) or a day it lacks, in a query or a body: 400 in the user's language", async () => {
    for (const [field, value] of [
      ["at", "1850-06-01"],
      ["at", "2101-01-01"],
      ["asOf", "1850-06-01"],
      ["asOf", "0001-01-01T00:00:00Z"],
      ["asOf", "2025-02-30T10:00:00Z"],
    ] as const) {
      expectFieldError(await core.get(`${I}/${seeded.initiativeId}?${field}=${value}`), field);
    }
    // The export's period takes instants as asOf does: one beyond the range is no silent "all".
    expectFieldError(await auditor.get("/api/v1/audit/export?to=1999-06-01T00:00:00Z"), "to");
    expectFieldError(await auditor.get("/api/v1/audit/export?from=2101-01-01T00:00:00Z"), "from");
    const sv = expectFieldError(await core.get("/api/v1/signals?asOf=1850-06-01", { "accept-language": "sv" }), "asOf");
    expect(sv.message).toMatch(/^en tidpunkt från 2000-01-01 till 2100-12-31/);
    const heldOn = expectFieldError(
      await failing(() =>
        core.post(`${I}/${seeded.initiativeId}/check-ins`, checkInBody(seeded.personId, { heldOn: "0024-05-01" })),
      ),
      "heldOn",
    );
    expect(heldOn.message).toBe("a date from 2000-01-01 to 2100-12-31");
    const meeting = await failing(() =>
      core.post("/api/v1/meetings", meetingBody([seeded.personId], { heldOn: "2150-06-01" }), { "accept-language": "sv" }),
    );
    expect(expectFieldError(meeting, "heldOn").message).toBe("ett datum från 2000-01-01 till 2100-12-31");
  });

  it("a body that is not JSON: the field at fault is the body", async () => {
    const response = await failing(() => core.postRaw("/api/v1/organisations", '{"name": "Kommunen",'));
    expectProblem(response, 400, "/problems/validation");
    expect(response.body.errors).toEqual([{ path: "body", message: "invalid JSON" }]);
    const swedish = await failing(() => core.postRaw("/api/v1/organisations", '{"name":', { "accept-language": "sv" }));
    expect(swedish.body).toMatchObject({
      detail: "body: ogiltig JSON",
      errors: [{ path: "body", message: "ogiltig JSON" }],
    });
  });

  it("a field given twice: 400 naming it, nothing appended, whichever of the two a reader would take", async () => {
    const before = await logHead(auditor);
    const twice = await failing(() =>
      core.postRaw("/api/v1/organisations", '{"name": "Kommunen", "kind": "other", "name": "Annan"}', {
        "accept-language": "sv",
      }),
    );
    expectProblem(twice, 400, "/problems/validation");
    expect(twice.body.errors).toEqual([{ path: "body.name", message: "Ange varje fält en gång" }]);
    const nested = await failing(() =>
      core.postRaw("/api/v1/organisations", '{"name": "K", "kind": "other", "x": [{"a": 1}, {"a": 2, "\\u0061": 3}]}'),
    );
    expect(nested.body.errors).toEqual([{ path: "body.x.1.a", message: "Give each field once" }]);
    const prototype = await failing(() =>
      core.postRaw("/api/v1/organisations", '{"name": "K", "kind": "other", "__proto__": 1}'),
    );
    expectProblem(prototype, 400, "/problems/validation");
    expect(prototype.body.errors[0].message).toMatch(/__proto__/);
    expect(await logHead(auditor)).toBe(before);
  });
});

describe("404: unknown resources", () => {
  it("an unknown initiative, read or written", async () => {
    expectProblem(await core.get(`${I}/${UNKNOWN_ID}`), 404, "/problems/not-found");
    expectProblem(await core.get(`${I}/${UNKNOWN_ID}/mandates`), 404, "/problems/not-found");
    expectProblem(
      await failing(() => core.post(`${I}/${UNKNOWN_ID}/goals`, { statement: "Ingenstans" })),
      404,
      "/problems/not-found",
    );
    expectProblem(await failing(() => core.post(`${I}/${UNKNOWN_ID}/mandates`, mandateBody())), 404, "/problems/not-found");
  });

  it("an unknown meeting, read or written", async () => {
    expectProblem(await core.get(`/api/v1/meetings/${UNKNOWN_ID}`), 404, "/problems/not-found");
    expectProblem(
      await failing(() => core.post(`/api/v1/meetings/${UNKNOWN_ID}/comments`, { topic: "Ämne", comment: "Kommentar" })),
      404,
      "/problems/not-found",
    );
  });

  it("an unknown budget, read or written", async () => {
    expectProblem(await core.get(`/api/v1/budgets/${FOCUS_AREA}/2031`), 404, "/problems/not-found");
    expectProblem(
      await failing(() =>
        core.post(`/api/v1/budgets/${FOCUS_AREA}/2031/approval`, { decision: { meetingId: UNKNOWN_ID, decisionId: UNKNOWN_ID } }),
      ),
      404,
      "/problems/not-found",
    );
  });

  it("an unknown goal or mandate named in the path", async () => {
    const goals = `${I}/${seeded.initiativeId}/goals/${UNKNOWN_ID}`;
    expectProblem(
      await failing(() => core.post(`${goals}/revisions`, { statement: "Ny lydelse", reason: "Skäl" })),
      404,
      "/problems/not-found",
    );
    expectProblem(await failing(() => core.post(`${goals}/achievement`, { evidence: "Bevis", on: "2025-01-01" })), 404);
    expectProblem(await failing(() => core.post(`${goals}/drop`, { reason: "Skäl" })), 404);
    const mandates = `${I}/${seeded.initiativeId}/mandates/${UNKNOWN_ID}`;
    expectProblem(
      await failing(() =>
        core.post(`${mandates}/amendments`, { changes: { budgetSek: 1 }, reason: "Skäl", effectiveFrom: "2025-02-01" }),
      ),
      404,
      "/problems/not-found",
    );
    expectProblem(await failing(() => core.post(`${mandates}/renewal`, { validUntil: "2030-01-01" })), 404);
    expectProblem(await failing(() => core.post(`${mandates}/revocation`, { reason: "Skäl", effectiveFrom: "2025-02-01" })), 404);
  });

  it("an unknown signal or tension, and an unknown path", async () => {
    expectProblem(await failing(() => core.post(`/api/v1/signals/${UNKNOWN_ID}/acknowledgement`, {})), 404);
    expectProblem(
      await failing(() => core.post(`/api/v1/tensions/${UNKNOWN_ID}/resolution`, { resolution: "x", resolvedOn: "2025-01-01" })),
      404,
    );
    expectProblem(await core.get("/api/v1/no-such-thing"), 404);
  });
});

describe("409: broken rules, typed by the rule's name", () => {
  it("/problems/mandate-requires-active-goal", async () => {
    const bare = await seedInitiative(core, "Utan aktivt mål");
    ok(await core.post(`${I}/${bare.initiativeId}/goals/${bare.goalId}/drop`, { reason: "Inget mål kvar" }));
    const problem = expectProblem(
      await failing(() => core.post(`${I}/${bare.initiativeId}/mandates`, mandateBody())),
      409,
      "/problems/mandate-requires-active-goal",
    );
    expect(problem.detail.length).toBeGreaterThan(0);
  });

  it("/problems/minutes-frozen", async () => {
    const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([seeded.personId]))).id;
    ok(await core.post(`/api/v1/meetings/${meetingId}/approval`, {}));
    expectProblem(
      await failing(() => core.post(`/api/v1/meetings/${meetingId}/comments`, { topic: "Sent", comment: "För sent" })),
      409,
      "/problems/minutes-frozen",
    );
    expectProblem(
      await failing(() =>
        core.post(`/api/v1/meetings/${meetingId}/decisions`, { subject: "Sent", decision: "För sent", kind: "other" }),
      ),
      409,
      "/problems/minutes-frozen",
    );
  });

  it("/problems/budget-decision-kind", async () => {
    const meetingId = ok(await core.post("/api/v1/meetings", meetingBody([seeded.personId]))).id;
    const decisionId = ok(
      await core.post(`/api/v1/meetings/${meetingId}/decisions`, { subject: "Annat", decision: "Något annat", kind: "other" }),
    ).id;
    ok(await core.post(`/api/v1/budgets/${FOCUS_AREA}/2027/proposal`, { lines: [{ purpose: "Drift", amountSek: 10_000 }] }));
    expectProblem(
      await failing(() => core.post(`/api/v1/budgets/${FOCUS_AREA}/2027/approval`, { decision: { meetingId, decisionId } })),
      409,
      "/problems/budget-decision-kind",
    );
  });

  it("/problems/signal-already-answered", async () => {
    const signalId = ok(await core.post("/api/v1/signals", signalBody(seeded.initiativeId))).id;
    ok(await core.post(`/api/v1/signals/${signalId}/answer`, { response: "Noterat", outcome: "noted" }));
    expectProblem(
      await failing(() => core.post(`/api/v1/signals/${signalId}/answer`, { response: "Igen", outcome: "declined" })),
      409,
      "/problems/signal-already-answered",
    );
  });

  it("/problems/initiative-closed", async () => {
    const closing = await seedInitiative(core, "Stängs");
    ok(await core.post(`${I}/${closing.initiativeId}/closure`, { reason: "Klart", on: "2025-06-30" }));
    expectProblem(
      await failing(() => core.post(`${I}/${closing.initiativeId}/goals`, { statement: "Efter stängning" })),
      409,
      "/problems/initiative-closed",
    );
    expectProblem(
      await failing(() => core.post("/api/v1/signals", signalBody(closing.initiativeId))),
      409,
      "/problems/initiative-closed",
    );
  });

  it("/problems/mandates-overlap and /problems/check-in-in-future", async () => {
    const overlapping = await seedInitiative(core, "Överlapp");
    ok(await core.post(`${I}/${overlapping.initiativeId}/mandates`, mandateBody()));
    expectProblem(
      await failing(() => core.post(`${I}/${overlapping.initiativeId}/mandates`, mandateBody({ validFrom: "2025-06-01" }))),
      409,
      "/problems/mandates-overlap",
    );
    expectProblem(
      await failing(() =>
        core.post(
          `${I}/${overlapping.initiativeId}/check-ins`,
          checkInBody(overlapping.personId, { heldOn: "2099-01-01", nextCheckInOn: undefined }),
        ),
      ),
      409,
      "/problems/check-in-in-future",
    );
  });

  it("/problems/signal-observed-in-future and /problems/tension-dated-in-future", async () => {
    expectProblem(
      await failing(() => core.post("/api/v1/signals", signalBody(seeded.initiativeId, { observedOn: "2099-01-01" }))),
      409,
      "/problems/signal-observed-in-future",
    );
    expectProblem(
      await failing(() => core.post("/api/v1/tensions", tensionBody([seeded.initiativeId], { raisedOn: "2099-01-01" }))),
      409,
      "/problems/tension-dated-in-future",
    );
    const tensionId = ok(await core.post("/api/v1/tensions", tensionBody([seeded.initiativeId]))).id;
    expectProblem(
      await failing(() =>
        core.post(`/api/v1/tensions/${tensionId}/resolution`, { resolution: "Löst", resolvedOn: "2099-01-01" }),
      ),
      409,
      "/problems/tension-dated-in-future",
    );
  });

  it("/problems/meeting-held-in-future: a meeting ahead is planned, and held on its day", async () => {
    const ahead = meetingBody([seeded.personId], { heldOn: "2099-01-01" });
    expectProblem(await failing(() => core.post("/api/v1/meetings", ahead)), 409, "/problems/meeting-held-in-future");
    const planned = ok(
      await core.post("/api/v1/meetings/planned", {
        body: "core-team",
        focusArea: FOCUS_AREA,
        plannedOn: "2099-01-01",
        agenda: [],
      }),
    ).id;
    const holding = { heldOn: "2099-01-01", attendees: [seeded.personId], absentees: [] };
    expectProblem(
      await failing(() => core.post(`/api/v1/meetings/${planned}/held`, holding)),
      409,
      "/problems/meeting-held-in-future",
    );
  });

  it("/problems/agenda-items-alike: two agenda items titled alike, planned or held", async () => {
    const plan = {
      body: "core-team",
      focusArea: FOCUS_AREA,
      plannedOn: "2025-01-20",
      agenda: [{ title: "Övrigt" }, { title: "Övrigt" }],
    };
    expectProblem(await failing(() => core.post("/api/v1/meetings/planned", plan)), 409, "/problems/agenda-items-alike");
    expectProblem(
      await failing(() => core.post("/api/v1/meetings", meetingBody([seeded.personId], { agenda: ["Budget", "Budget"] }))),
      409,
      "/problems/agenda-items-alike",
    );
  });

  it("/problems/meeting-without-attendees: minutes with nobody present, held or held as planned, in the user's language", async () => {
    const nobody = await failing(() =>
      core.post("/api/v1/meetings", meetingBody([], { absentees: [seeded.personId] }), { "accept-language": "sv" }),
    );
    expectProblem(nobody, 409, "/problems/meeting-without-attendees");
    expect(nobody.body.title).toBe("Ett möte som hållits har någon närvarande");
    const planned = ok(
      await core.post("/api/v1/meetings/planned", {
        body: "core-team",
        focusArea: FOCUS_AREA,
        plannedOn: "2025-01-20",
        agenda: [],
      }),
    ).id;
    expectProblem(
      await failing(() => core.post(`/api/v1/meetings/${planned}/held`, { heldOn: "2025-01-20", attendees: [], absentees: [] })),
      409,
      "/problems/meeting-without-attendees",
    );
  });
});

describe("413 and languages", () => {
  it("a body over 64 KiB is 413 problem+json, nothing appended", async () => {
    const body = JSON.stringify({ name: "Stor", kind: "other", padding: "x".repeat(70 * 1024) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(64 * 1024);
    expectProblem(await failing(() => core.postRaw("/api/v1/organisations", body)), 413);
  });

  it("a body just under 64 KiB is not 413 (it is judged on its fields)", async () => {
    const body = JSON.stringify({ name: "Nästan stor", kind: "other", padding: "x".repeat(60 * 1024) });
    expect(Buffer.byteLength(body)).toBeLessThan(64 * 1024);
    expectFieldError(await failing(() => core.postRaw("/api/v1/organisations", body)), "padding");
  });

  it("Accept-Language: sv gives Swedish titles; English otherwise", async () => {
    const english = expectProblem(await core.post("/api/v1/organisations", { kind: "municipality" }), 400);
    const swedish = expectProblem(
      await core.post("/api/v1/organisations", { kind: "municipality" }, { "accept-language": "sv-SE,sv;q=0.9,en;q=0.5" }),
      400,
    );
    expect(english.title).toBe("Invalid request");
    expect(swedish.title).toBe("Ogiltig begäran");
    expect(swedish.type).toBe(english.type);

    const notFoundSv = expectProblem(await core.get(`${I}/${UNKNOWN_ID}`, { "accept-language": "sv" }), 404);
    expect(notFoundSv.title).toBe("Hittades inte");

    const signalId = ok(await core.post("/api/v1/signals", signalBody(seeded.initiativeId))).id;
    ok(await core.post(`/api/v1/signals/${signalId}/answer`, { response: "Ja", outcome: "noted" }));
    const again = { response: "Igen", outcome: "noted" };
    const ruleEn = expectProblem(
      await core.post(`/api/v1/signals/${signalId}/answer`, again),
      409,
      "/problems/signal-already-answered",
    );
    const ruleSv = expectProblem(
      await core.post(`/api/v1/signals/${signalId}/answer`, again, { "accept-language": "sv" }),
      409,
      "/problems/signal-already-answered",
    );
    expect(ruleSv.title).not.toBe(ruleEn.title);
    const unauthenticatedSv = expectProblem(await anonymous.get(I, { "accept-language": "sv" }), 401);
    expect(unauthenticatedSv.title).toBe("Inloggning krävs");
  });

  it("a successful write moves the head of the log by exactly one (a sanity check on logHead)", async () => {
    const head = await logHead(auditor);
    const written: WriteBody = ok(await core.post("/api/v1/organisations", { name: "Räknas", kind: "other" }));
    expect(await logHead(auditor)).toBe(written.position);
    expect(written.position).toBe(head + 1);
  });
});

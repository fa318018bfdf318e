import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { ExpectedRevision, type EventToAppend } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { Effect } from "effect";
import { beforeAll, describe, expect, it } from "vitest";
import {
  FOCUS_AREA,
  INITIATIVES as I,
  after,
  appendsNothing,
  expectProblem,
  expectWrite,
  mandateBody,
  ok,
  seedInitiative,
  signalBody,
} from "./support/fixtures.js";
import { type ApiClient, freshDataDir, serverForFile } from "./support/mandat-server.js";

/**
 * Issue #11, item 2: mandate terms are clauses with ids that survive amendments, a signal
 * may cite the clause it pushes on, and the inbox and the mandate views show each clause's
 * signals (docs/domain.md "Clauses", docs/api.md departure 47). The server starts on a log
 * that already holds a mandate written before clauses had ids (schemaVersion 1).
 */
let core: ApiClient;
let auditor: ApiClient;

const dataDir = freshDataDir();
const oldInitiative = randomUUID();
const oldMandate = randomUUID();

/** An initiative whose mandate was granted and amended before clauses had ids, written as stored then. */
async function writeOldLog(): Promise<void> {
  const store = SqliteEventStore.open({ path: join(dataDir, "mandat.sqlite") });
  const metadata = { actor: { id: "e2e", roles: ["core-team"] }, commandId: "e2e", correlationId: "e2e", causationId: "e2e" };
  const v1 = (type: string, data: unknown): EventToAppend => ({ type, schemaVersion: 1, data, metadata });
  try {
    await Effect.runPromise(
      store.append(
        `initiative-${oldInitiative}`,
        [
          v1("InitiativeRegistered", {
            name: "Läxhjälp före punkterna",
            focusArea: FOCUS_AREA,
            description: "",
            organisationIds: [randomUUID()],
          }),
          v1("GoalSet", { goalId: randomUUID(), statement: "Fler klarar skolan" }),
          v1("MandateGranted", {
            mandateId: oldMandate,
            scope: ["Läxhjälp", "Fritidsgårdar"],
            boundaries: ["Inom skoltid"],
            principles: [],
            steering: "broad",
            validFrom: "2025-01-01",
          }),
          v1("MandateAmended", {
            mandateId: oldMandate,
            changes: { scope: ["Fritidsgårdar", "Sommarskola"] },
            reason: "Beslut före punkterna",
            effectiveFrom: "2025-03-01",
          }),
        ],
        ExpectedRevision.any,
      ),
    );
  } finally {
    store.close();
  }
}

beforeAll(writeOldLog);
serverForFile(({ core: c, auditor: a }) => ((core = c), (auditor = a)), { dataDir, demo: "off" });

const CLAUSE = "/problems/clause-not-in-mandate";
const none = { within: 0, "at-edge": 0, beyond: 0 };
const signals = (counts: Partial<typeof none>) => ({ ...none, ...counts });

describe("clauses of a mandate granted and amended through the API", () => {
  let initiativeId: string;
  let mandateId: string;
  let mandates: string;
  let lastPosition = 0;

  beforeAll(async () => {
    ({ initiativeId } = await seedInitiative(core));
    mandates = `${I}/${initiativeId}/mandates`;
    mandateId = ok(
      await core.post(
        mandates,
        mandateBody({
          scope: ["Läxhjälp", "Fritidsgårdar"],
          boundaries: [{ text: "Inom skoltid" }],
          principles: ["Barnen först"],
        }),
      ),
    ).id;
    const amend = (effectiveFrom: string, scope: unknown[]) =>
      core.post(`${mandates}/${mandateId}/amendments`, { changes: { scope }, reason: "Beslut", effectiveFrom });
    // From March: S2 reworded by its id, S1 unchanged, a new clause (S3).
    ok(await amend("2025-03-01", ["Läxhjälp", { id: "S2", text: "Fritidsgårdar och bibliotek" }, "Sommarskola"]));
    // From April: S2 removed, another new clause, which never takes S2's number again.
    lastPosition = ok(await amend("2025-04-01", ["Läxhjälp", "Sommarskola", "Kvällsöppet"])).position;
  });

  it("numbers the grant's clauses in order and carries ids through amendments", async () => {
    const history = (await core.get(after(mandates, lastPosition))).body as any[];
    expect(history.map((row) => row.clauses.map((clause: any) => `${clause.id} ${clause.text}`))).toEqual([
      ["S1 Läxhjälp", "S2 Fritidsgårdar", "B1 Inom skoltid", "P1 Barnen först"],
      ["S1 Läxhjälp", "S2 Fritidsgårdar och bibliotek", "S3 Sommarskola", "B1 Inom skoltid", "P1 Barnen först"],
      ["S1 Läxhjälp", "S3 Sommarskola", "S4 Kvällsöppet", "B1 Inom skoltid", "P1 Barnen först"],
    ]);
    // v1 readers keep the texts; an amendment's changes name each clause with its id.
    expect(history[1].scope).toEqual(["Läxhjälp", "Fritidsgårdar och bibliotek", "Sommarskola"]);
    expect(history[2].changes.scope).toEqual([
      { id: "S1", text: "Läxhjälp" },
      { id: "S3", text: "Sommarskola" },
      { id: "S4", text: "Kvällsöppet" },
    ]);
  });

  it("refuses an amendment naming an id not in force on its effectiveFrom, and a grant naming any", async () => {
    const { initiativeId: another } = await seedInitiative(core);
    await appendsNothing(auditor, async () => {
      const gone = expectProblem(
        await core.post(`${mandates}/${mandateId}/amendments`, {
          changes: { scope: [{ id: "S2", text: "Fritidsgårdar igen" }] },
          reason: "Beslut",
          effectiveFrom: "2025-05-01",
        }),
        409,
        CLAUSE,
      );
      expect(gone.detail).toContain("S2");
      expect(gone.detail).toContain("2025-05-01");
      const sv = await core.post(
        `${mandates}/${mandateId}/amendments`,
        { changes: { boundaries: [{ id: "B7", text: "x" }] }, reason: "Beslut", effectiveFrom: "2025-05-01" },
        { "accept-language": "sv" },
      );
      expect(expectProblem(sv, 409, CLAUSE).title).toBe("Punkten som anges finns inte bland mandatets villkor den dagen");
      expectProblem(
        await core.post(`${I}/${another}/mandates`, mandateBody({ scope: [{ id: "S1", text: "Läxhjälp" }] })),
        409,
        CLAUSE,
      );
      // One id twice in a list is a malformed body, named by its field.
      const twice = expectProblem(
        await core.post(`${mandates}/${mandateId}/amendments`, {
          changes: {
            scope: [
              { id: "S1", text: "a" },
              { id: "S1", text: "b" },
            ],
          },
          reason: "Beslut",
          effectiveFrom: "2025-05-01",
        }),
        400,
      );
      expect(JSON.stringify(twice)).toContain("scope");
    });
  });

  it("takes a signal citing a clause in force on its observedOn, refuses one that is not, and counts each clause's signals", async () => {
    const submit = (clauseId: string, observedOn: string, mandatePosition: string) =>
      core.post("/api/v1/signals", signalBody(initiativeId, { mandateId, clauseId, observedOn, mandatePosition }));
    const atEdge = ok(await submit("S2", "2025-03-15", "at-edge")).id;
    ok(await submit("B1", "2025-02-10", "within"));
    const beyond = ok(await submit("S3", "2025-04-15", "beyond"));
    await appendsNothing(auditor, async () => {
      const removed = expectProblem(await submit("S2", "2025-04-15", "at-edge"), 409, CLAUSE);
      expect(removed.detail).toContain("S2");
      expect(removed.detail).toContain(mandateId);
      expect(removed.detail).toContain("2025-04-15");
      expectProblem(await submit("S3", "2025-02-15", "within"), 409, CLAUSE);
      expectProblem(await core.post("/api/v1/signals", signalBody(initiativeId, { clauseId: "S1" })), 409, CLAUSE);
    });

    const inbox = (await core.get(after(`/api/v1/signals?initiativeId=${initiativeId}&clauseId=S2`, beyond.position))).body;
    expect(inbox).toEqual([expect.objectContaining({ id: atEdge, mandateId, clauseId: "S2", mandatePosition: "at-edge" })]);
    const all = (await core.get(after(`/api/v1/signals?initiativeId=${initiativeId}`, beyond.position))).body as any[];
    expect(all.map((signal) => signal.clauseId)).toEqual(["S2", "B1", "S3"]);

    const clausesOn = async (at: string) =>
      ((await core.get(after(`${I}/${initiativeId}?at=${at}`, beyond.position))).body as any).mandate.clauses;
    expect(await clausesOn("2025-03-20")).toEqual([
      { id: "S1", text: "Läxhjälp", signals: none },
      { id: "S2", text: "Fritidsgårdar och bibliotek", signals: signals({ "at-edge": 1 }) },
      { id: "S3", text: "Sommarskola", signals: none },
      { id: "B1", text: "Inom skoltid", signals: signals({ within: 1 }) },
      { id: "P1", text: "Barnen först", signals: none },
    ]);
    expect(await clausesOn("2025-04-20")).toEqual([
      { id: "S1", text: "Läxhjälp", signals: none },
      { id: "S3", text: "Sommarskola", signals: signals({ beyond: 1 }) },
      { id: "S4", text: "Kvällsöppet", signals: none },
      { id: "B1", text: "Inom skoltid", signals: signals({ within: 1 }) },
      { id: "P1", text: "Barnen först", signals: none },
    ]);

    // Each history row counts the signals observed while its terms held.
    const history = (await core.get(after(mandates, beyond.position))).body as any[];
    const countsOf = (row: any) => Object.fromEntries(row.clauses.map((clause: any) => [clause.id, clause.signals]));
    expect(countsOf(history[0]).B1).toEqual(signals({ within: 1 }));
    expect(countsOf(history[1]).S2).toEqual(signals({ "at-edge": 1 }));
    expect(countsOf(history[1]).B1).toEqual(none);
    expect(countsOf(history[2]).S3).toEqual(signals({ beyond: 1 }));
  });

  it("documents clauseId, the clauses and the new rule in the OpenAPI document", async () => {
    const openApi = (await core.get("/docs/openapi.json")).body;
    expect(openApi.paths["/api/v1/signals"].post["x-problem-types"]).toContain(CLAUSE);
    expect(openApi.paths["/api/v1/initiatives/{id}/mandates/{mandateId}/amendments"].post["x-problem-types"]).toContain(CLAUSE);
    expect(JSON.stringify(openApi.paths["/api/v1/signals"].get.parameters)).toContain("clauseId");
  });
});

describe("a mandate written before clauses had ids", () => {
  it("reads the same terms as before, now with ids: a grant's by position, an amendment's carried from the terms before it", async () => {
    const history = (await core.get(`${I}/${oldInitiative}/mandates`)).body as any[];
    expect(history.map((row) => row.scope)).toEqual([
      ["Läxhjälp", "Fritidsgårdar"],
      ["Fritidsgårdar", "Sommarskola"],
    ]);
    expect(history.map((row) => row.clauses.map((clause: any) => clause.id))).toEqual([
      ["S1", "S2", "B1"],
      ["S2", "S3", "B1"],
    ]);
  });

  it("takes a signal citing a clause the old amendment numbered, and refuses the one it removed", async () => {
    const cite = (clauseId: string) =>
      core.post(
        "/api/v1/signals",
        signalBody(oldInitiative, { mandateId: oldMandate, clauseId, observedOn: "2025-03-10", mandatePosition: "beyond" }),
      );
    const written = expectWrite(await cite("S3"), 201);
    expectProblem(await cite("S1"), 409, CLAUSE);
    const overview = (await core.get(after(`${I}/${oldInitiative}?at=2025-03-10`, written.position))).body as any;
    expect(overview.mandate.clauses).toEqual([
      { id: "S2", text: "Fritidsgårdar", signals: none },
      { id: "S3", text: "Sommarskola", signals: signals({ beyond: 1 }) },
      { id: "B1", text: "Inom skoltid", signals: none },
    ]);
  });
});

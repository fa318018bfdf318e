import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "./support/fixtures.js";
import { type ApiClient, type MandatServer, api, outputMatching, startServer } from "./support/mandat-server.js";

/**
 * A fresh `npm start` (no variables: the demo history in an empty log, tokens printed) as a
 * newcomer meets it: the demo carried up to today, and every curl example of the README's
 * quick start, run as written with the ids this test discovers.
 */
const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The paths of the README's `curl -s localhost:3000<path>` lines, in order. */
const readmePaths = [...README.matchAll(/^curl -s "?localhost:3000(\/[^"\s]+)"? /gm)].map((match) => match[1]!);

const today = stockholmDate(new Date());
let server: MandatServer;
let core: ApiClient;
let ids: Record<"dromfabriken" | "arby" | "utmaningsdriven", string>;

interface Overview {
  readonly mandate: {
    readonly scope: string[];
    readonly clauses: ReadonlyArray<{ readonly id: string; readonly text: string; readonly signals: Record<string, number> }>;
    readonly validFrom: string;
    readonly validUntil: string | null;
  } | null;
  readonly unansweredSignals: ReadonlyArray<{ readonly summary: string }>;
  readonly checkInOverdue: boolean;
}

beforeAll(async () => {
  server = await startServer({ secret: null, defaultPaths: true });
  // As the README says: the token printed for a Core Team member.
  const coreTeamToken = /^ {2}Core Team: [^\n]+\n {4}(ey[\w-]+\.[\w-]+\.[\w-]+)\s*$/m;
  const token = (await outputMatching(server, coreTeamToken)).match(coreTeamToken)?.[1];
  expect(token, "a Core Team member's token printed at start").toBeDefined();
  core = api(server.url, token);
  const list = (await core.get("/api/v1/initiatives")).body as Array<{ id: string; name: string }>;
  const idOf = (name: string) => list.find((initiative) => initiative.name === name)!.id;
  ids = {
    dromfabriken: idOf("Drömfabriken i Skultuna"),
    arby: idOf("Testbädd Årby/Fröslunda"),
    utmaningsdriven: idOf("Utmaningsdriven utbildning"),
  };
});

afterAll(async () => {
  await server?.dispose();
});

const overview = async (id: string, query = ""): Promise<Overview> => {
  const response = await core.get(`/api/v1/initiatives/${id}${query}`);
  expect(response.status).toBe(200);
  return response.body as Overview;
};

describe("the demo today", () => {
  it("one initiative has a mandate in force, one's ends within 60 days, one has none", async () => {
    const dromfabriken = await overview(ids.dromfabriken);
    expect(dromfabriken.mandate!.validFrom <= today).toBe(true);
    expect(dromfabriken.mandate!.validUntil! > addDays(today, 60)).toBe(true);
    const arby = await overview(ids.arby);
    expect(arby.mandate!.validUntil! > today && arby.mandate!.validUntil! <= addDays(today, 60)).toBe(true);
    expect((await overview(ids.utmaningsdriven)).mandate).toBeNull();
  });

  it("no check-in is overdue; the one open signal asks for the missing mandate", async () => {
    for (const id of Object.values(ids)) expect((await overview(id)).checkInOverdue).toBe(false);
    const inbox = (await core.get("/api/v1/signals?status=unanswered")).body as Array<{ initiativeId: string }>;
    expect(inbox.map((signal) => signal.initiativeId)).toEqual([ids.utmaningsdriven]);
  });

  it("reads across recorded time: nothing before January 2024, the initiatives from March", async () => {
    expect((await core.get("/api/v1/initiatives?asOf=2024-01-01")).body).toEqual([]);
    expect((await core.get("/api/v1/initiatives?asOf=2024-03-12")).body).toHaveLength(3);
    expect((await core.get(`/api/v1/initiatives/${ids.dromfabriken}?asOf=2024-03-11`)).status).toBe(404);
  });

  it("has a recent tension within the Core Team itself, naming no initiative", async () => {
    const tensions = (await core.get("/api/v1/tensions?status=open")).body as Array<{
      initiativeIds: string[];
      category: string;
      raisedOn: string;
    }>;
    const ownRecent = tensions.filter((t) => t.initiativeIds.length === 0 && t.raisedOn > addDays(today, -60));
    expect(ownRecent.map((t) => t.category)).toEqual(["resources"]);
  });

  it("shows the person who left the Core Team as erased in the minutes of 2024-09-19", async () => {
    const decisions = (await core.get("/api/v1/decisions?from=2024-09-19&to=2024-09-19")).body as Array<{ meetingId: string }>;
    const minutes = (await core.get(`/api/v1/meetings/${decisions[0]!.meetingId}`)).body as { absentees: string[] };
    const names = [];
    for (const personId of minutes.absentees) names.push((await core.get(`/api/v1/people/${personId}`)).body.name);
    expect(names.sort()).toEqual(["Frånvarande 1", "Raderad person / Erased person"]);
  });
});

describe("the README's examples", () => {
  it("are the ones this test runs", () => {
    expect(readmePaths).toEqual([
      "/api/v1/initiatives",
      "/api/v1/initiatives/$ID",
      "/api/v1/initiatives/$ID?at=2024-10-20&asOf=2024-11-01",
      "/api/v1/initiatives/$ID?at=2024-10-20",
      "/api/v1/initiatives/$ID/mandates",
      "/api/v1/signals?status=unanswered",
    ]);
  });

  it("each answers 200 on a fresh start, with $ID the id of Drömfabriken i Skultuna", async () => {
    for (const path of readmePaths) {
      expect((await core.get(path.replace("$ID", ids.dromfabriken))).status, path).toBe(200);
    }
  });

  it("at and asOf answer differently: the amendment of 15 October was recorded on 14 November", async () => {
    const widened = "Låta barnens projekt löpa över terminsgränsen";
    const knownThen = await overview(ids.dromfabriken, "?at=2024-10-20&asOf=2024-11-01");
    expect(knownThen.mandate!.scope).not.toContain(widened);
    expect(knownThen.unansweredSignals.map((signal) => signal.summary)).toEqual([
      "Barnen vill driva projekt över terminsgränsen.",
    ]);
    const knownNow = await overview(ids.dromfabriken, "?at=2024-10-20");
    expect(knownNow.mandate!.scope).toContain(widened);

    const history = (await core.get(`/api/v1/initiatives/${ids.dromfabriken}/mandates`)).body as Array<{
      change: string;
      effectiveFrom: string;
      recordedAt: string;
    }>;
    const amended = history.find((row) => row.change === "amended")!;
    expect(amended.effectiveFrom).toBe("2024-10-15");
    expect(stockholmDate(amended.recordedAt)).toBe("2024-11-14");
  });

  it("the signals cite the clause they push on; the backdated amendment rewords S1 by its id, keeps S2, adds S3", async () => {
    const scopeOf = (view: Overview) =>
      view.mandate!.clauses.filter((clause) => clause.id.startsWith("S")).map(({ id, text, signals }) => ({ id, text, signals }));
    const atEdge = { within: 0, "at-edge": 1, beyond: 0 };
    const none = { within: 0, "at-edge": 0, beyond: 0 };
    expect(scopeOf(await overview(ids.dromfabriken, "?at=2024-10-20&asOf=2024-11-01"))).toEqual([
      { id: "S1", text: "Driva mötesplatsen och dess program", signals: atEdge },
      { id: "S2", text: "Samarbeta med föreningar i Skultuna", signals: none },
    ]);
    expect(scopeOf(await overview(ids.dromfabriken, "?at=2024-10-20"))).toEqual([
      { id: "S1", text: "Driva mötesplatsen och dess program, även över loven", signals: atEdge },
      { id: "S2", text: "Samarbeta med föreningar i Skultuna", signals: none },
      { id: "S3", text: "Låta barnens projekt löpa över terminsgränsen", signals: none },
    ]);
    const cited = (await core.get(`/api/v1/signals?initiativeId=${ids.arby}&clauseId=B2`)).body as Array<{ summary: string }>;
    expect(cited.map((signal) => signal.summary)).toEqual(["Socialtjänsten kan inte delta utan beslut i sin egen linje."]);
  });
});

import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { type SeededInitiative, after, mandateBody, ok, seedInitiative } from "./support/fixtures.js";
import { type ApiClient, type ServerWithClients, TEST_SECRET, serverForFile } from "./support/mandat-server.js";
import { personIdOf } from "./support/people.js";

/**
 * Issue #19, end to end: one reading of backdated amendments in every view. A mandate for
 * 2025 with a budget of 100 is amended to 200 from 1 June, then (recorded later) to 300 from
 * 1 March. The overview, the mandate history and `mandat history` must tell one story.
 */
let started: ServerWithClients;
let core: ApiClient;
let auditor: ApiClient;
let seeded: SeededInitiative;
let mandateId: string;
const recordedAt: string[] = [];

const CLI = fileURLToPath(new URL("../dist/bundle/cli.js", import.meta.url));

interface Version {
  readonly version: number;
  readonly change: string;
  readonly budgetSek: number | null;
  readonly effectiveFrom: string;
  readonly termsUntil: string | null;
  readonly supersededFrom: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** The recordedAt of the event a write appended, from the audit log. */
async function recordedAtOf(position: number): Promise<string> {
  const events = await auditor.get(`/api/v1/audit/events?fromPosition=${position}&limit=1`);
  expect(events.body[0].position).toBe(position);
  return events.body[0].recordedAt as string;
}

const overviewPath = () => `/api/v1/initiatives/${seeded.initiativeId}`;
const budgetOn = async (at: string, asOf?: string) => {
  const query = new URLSearchParams({ at, ...(asOf === undefined ? {} : { asOf }) });
  const response = await core.get(`${overviewPath()}?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.mandate as { budgetSek: number | null } | null)?.budgetSek;
};
const history = async (asOf?: string): Promise<Version[]> => {
  const response = await core.get(`${overviewPath()}/mandates${asOf === undefined ? "" : `?asOf=${encodeURIComponent(asOf)}`}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Version[];
};
const story = (versions: ReadonlyArray<Version>) =>
  versions.map(({ version, change, budgetSek, effectiveFrom, termsUntil, supersededFrom }) => ({
    version,
    change,
    budgetSek,
    effectiveFrom,
    termsUntil,
    supersededFrom,
  }));

serverForFile((server) => ({ core, auditor } = started = server));

beforeAll(async () => {
  seeded = await seedInitiative(core, "Bakåtdaterat");
  const write = async (path: string, body: unknown) => {
    await sleep(5);
    const written = ok(await core.post(`${overviewPath()}${path}`, body));
    recordedAt.push(await recordedAtOf(written.position));
    return written;
  };
  mandateId = (await write("/mandates", mandateBody({ validFrom: "2025-01-01", validUntil: "2025-12-31", budgetSek: 100 }))).id;
  await write(`/mandates/${mandateId}/amendments`, {
    changes: { budgetSek: 200 },
    reason: "Utökning",
    effectiveFrom: "2025-06-01",
  });
  const last = await write(`/mandates/${mandateId}/amendments`, {
    changes: { budgetSek: 300 },
    reason: "Beslut i efterhand",
    effectiveFrom: "2025-03-01",
  });
  expect((await core.get(after(overviewPath(), last.position))).status).toBe(200);
  expect(recordedAt[0]! < recordedAt[1]! && recordedAt[1]! < recordedAt[2]!).toBe(true);
});

describe("the overview: each term from the latest change in effect by at", () => {
  it("100 on 1 February, 300 on 1 April, 200 from 1 June", async () => {
    expect(await budgetOn("2025-02-01")).toBe(100);
    expect(await budgetOn("2025-04-01")).toBe(300);
    expect(await budgetOn("2025-06-01")).toBe(200);
    expect(await budgetOn("2025-12-31")).toBe(200);
  });
});

describe("the mandate history: the same reading, as known when each version was recorded", () => {
  it("the newest version shows 300 from 1 March through 31 May, and the grant is superseded from 1 March", async () => {
    const versions = await history();
    expect(story(versions)).toEqual([
      {
        version: 1,
        change: "granted",
        budgetSek: 100,
        effectiveFrom: "2025-01-01",
        termsUntil: null,
        supersededFrom: "2025-03-01",
      },
      { version: 2, change: "amended", budgetSek: 200, effectiveFrom: "2025-06-01", termsUntil: null, supersededFrom: null },
      {
        version: 3,
        change: "amended",
        budgetSek: 300,
        effectiveFrom: "2025-03-01",
        termsUntil: "2025-05-31",
        supersededFrom: null,
      },
    ]);
    const recorder = await personIdOf(core);
    expect(versions.map((v) => [v.recordedAt, v.recordedBy])).toEqual(recordedAt.map((instant) => [instant, recorder]));
  });

  it("as known before the backdated amendment, the grant was superseded from 1 June", async () => {
    const before = new Date(Date.parse(recordedAt[2]!) - 1).toISOString();
    expect(story(await history(before)).map((v) => v.supersededFrom)).toEqual(["2025-06-01", null]);
  });

  it("each version's terms are the overview's on its effectiveFrom as known at its recordedAt", async () => {
    for (const version of await history()) {
      expect(await budgetOn(version.effectiveFrom, version.recordedAt), `version ${version.version}`).toBe(version.budgetSek);
    }
  });
});

describe("mandat history: the same rows", () => {
  it("shows each amended term before and after on its effective day, and the grant superseded from 1 March", async () => {
    const { dataDir } = started.server;
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [CLI, "history", seeded.initiativeId, "--json"],
        {
          cwd: dataDir,
          env: {
            PATH: process.env.PATH,
            MANDAT_SQLITE_PATH: join(dataDir, "mandat.sqlite"),
            MANDAT_READ_MODELS_PATH: join(dataDir, "read-models.sqlite"),
            MANDAT_KEYS_PATH: join(dataDir, "keys.sqlite"),
            AUTH_JWT_SECRET: TEST_SECRET,
          },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as Array<{
      type: string;
      change: string;
      mandateVersion?: {
        version: number;
        effectiveFrom: string;
        terms: { budgetSek?: number };
        termsUntil?: string;
        supersededFrom?: string;
      };
    }>;
    const mandate = entries.filter((entry) => entry.mandateVersion !== undefined);
    expect(
      mandate.map(({ mandateVersion: v }) => ({
        version: v!.version,
        budgetSek: v!.terms.budgetSek ?? null,
        effectiveFrom: v!.effectiveFrom,
        termsUntil: v!.termsUntil ?? null,
        supersededFrom: v!.supersededFrom ?? null,
      })),
    ).toEqual(story(await history()).map(({ change: _change, ...rest }) => rest));
    expect(mandate.map((entry) => entry.change)).toEqual([
      expect.stringMatching(
        /granted 2025-01-01\.\.2025-12-31; .*; 100 SEK; superseded from 2025-03-01 by a change recorded later$/,
      ),
      expect.stringMatching(/amended from 2025-06-01 \(Utökning\): budgetSek 100 → 200$/),
      expect.stringMatching(
        /amended from 2025-03-01 \(Beslut i efterhand\): budgetSek 100 → 300; these terms through 2025-05-31$/,
      ),
    ]);
  });
});

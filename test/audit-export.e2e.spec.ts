import { execFile } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { INITIATIVES, expectProblem, seedInitiative } from "./support/fixtures.js";
import { type ApiClient, type MandatServer, serverForFile, tokenFor } from "./support/mandat-server.js";
import { leadClient } from "./support/people.js";

/**
 * docs/api.md "Audit": GET /api/v1/audit/export, through the built server holding the demo
 * history, gives the very bytes `mandat export` writes for the same selection (one encoder,
 * libs/platform log-export.ts): JSON lines, or CSV for Swedish Excel.
 */
let server: MandatServer;
let admin: ApiClient;
let auditor: ApiClient;
let core: ApiClient;
let auditorToken: string;

serverForFile(
  (started) => {
    ({ server, admin, auditor, core } = started);
  },
  { demo: "on" },
);

const SV = { "accept-language": "sv-SE,sv;q=0.9" };
const EXPORT = "/api/v1/audit/export";

/** The built CLI, as `npm run build` leaves it. */
const CLI = join(import.meta.dirname, "../dist/bundle/cli.js");

/** The CLI on the server's own store (SQLite lets it read beside the server), with nothing else of ours in its environment. */
const mandat = (args: ReadonlyArray<string>): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const env = {
      PATH: process.env.PATH,
      MANDAT_SQLITE_PATH: join(server.dataDir, "mandat.sqlite"),
      MANDAT_READ_MODELS_PATH: join(server.dataDir, "read-models.sqlite"),
      MANDAT_KEYS_PATH: join(server.dataDir, "keys.sqlite"),
    };
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: server.dataDir, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

/** The answer's bytes, decoded as UTF-8 without dropping a byte order mark. */
async function download(query: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${server.url}${EXPORT}${query}`, { headers: { authorization: `Bearer ${auditorToken}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
  };
}

/** RFC 4180 with `;` between fields and CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ";") {
      record.push(field);
      field = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      [record, field] = [[], ""];
      i++;
    } else {
      field += c;
    }
  }
  expect(field, "the last record ends with CRLF").toBe("");
  return records;
}

const lines = (text: string): unknown[] =>
  text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line));

let skultuna: string;
let quoted: { initiativeId: string };
const QUOTED_NAME = 'Initiativ; med "citat"';

beforeAll(async () => {
  auditorToken = await tokenFor("auditor");
  quoted = await seedInitiative(core, QUOTED_NAME);
  const list = await auditor.get(`${INITIATIVES}?limit=200&minPosition=0`);
  skultuna = list.body.find((initiative: { name: string }) => initiative.name === "Drömfabriken i Skultuna").id;
}, 60_000);

describe("GET /api/v1/audit/export", () => {
  it("JSON lines: the whole log, as mandat export writes it, byte for byte", async () => {
    const answer = await download("?format=jsonl");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="mandat-export-log-[0-9TZ-]+\.jsonl"$/);
    const cli = await mandat(["export", "--format", "jsonl"]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(answer.text).toBe(cli.stdout);
    const events = lines(answer.text) as Array<{ position: number; metadata: { hash: string } }>;
    expect(events.length).toBeGreaterThan(90);
    expect(events.map((event) => event.position)).toEqual(events.map((_, index) => index + 1));
    expect(events[0]!.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it("CSV for Swedish Excel: BOM, `;`, a header, CRLF, quoted fields; the same bytes as mandat export --format csv", async () => {
    const answer = await download(`?format=csv&initiativeId=${quoted.initiativeId}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="mandat-export-initiative-${quoted.initiativeId}-[0-9TZ-]+\\.csv"$`),
    );
    expect(
      answer.text.startsWith("\uFEFFposition;eventId;streamId;revision;type;schemaVersion;recordedAt;data;metadata\r\n"),
    ).toBe(true);
    expect(answer.text.replaceAll("\r\n", "")).not.toMatch(/\n/);
    const cli = await mandat(["export", "--format", "csv", "--initiative", quoted.initiativeId]);
    expect(answer.text).toBe(cli.stdout);
    const [header, ...rows] = parseCsv(answer.text.slice(1));
    expect(header).toHaveLength(9);
    expect(rows.every((row) => row.length === 9 && row[2] === `initiative-${quoted.initiativeId}`)).toBe(true);
    const registered = rows.find((row) => row[4] === "InitiativeRegistered")!;
    expect(JSON.parse(registered[7]!)).toMatchObject({ name: QUOTED_NAME });
    // The field that holds `;` and `"` is in quotes, its quotes doubled.
    expect(answer.text).toContain('""name"":""Initiativ; med \\""citat\\""""');
  }, 60_000);

  it("one initiative: its own stream, and the signals and tensions about it; the same lines as mandat export --initiative", async () => {
    const answer = await download(`?format=jsonl&initiativeId=${skultuna}`);
    const cli = await mandat(["export", "--format", "jsonl", "--initiative", skultuna]);
    expect(answer.text).toBe(cli.stdout);
    const streams = new Set((lines(answer.text) as Array<{ streamId: string }>).map((event) => event.streamId));
    expect(streams).toContain(`initiative-${skultuna}`);
    for (const stream of streams) expect(stream).toMatch(new RegExp(`^(initiative-${skultuna}|signal-.+|tension-.+)$`));
    expect([...streams].some((stream) => stream.startsWith("signal-"))).toBe(true);
  }, 60_000);

  it("a period of recorded time, inclusive: dates are Stockholm days, as mandat export --from/--to takes them", async () => {
    const all = lines((await download("?format=jsonl")).text) as Array<{ recordedAt: string }>;
    const days = [...new Set(all.map((event) => event.recordedAt.slice(0, 10)))].sort();
    expect(days.length, "the demo is recorded over several days").toBeGreaterThan(2);
    const [from, to] = [days[1]!, days.at(-2)!];
    const answer = await download(`?format=jsonl&from=${from}&to=${to}`);
    const cli = await mandat(["export", "--format", "jsonl", "--from", from, "--to", to]);
    expect(answer.text).toBe(cli.stdout);
    const within = lines(answer.text) as Array<{ recordedAt: string }>;
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(all.length);
    const instant = await download(`?format=jsonl&from=${encodeURIComponent(`${from}T00:00:00+01:00`)}`);
    expect(instant.status).toBe(200);
  }, 60_000);

  it("is for auditors and admins: 403 for a lead and the Core Team, 401 without a token", async () => {
    const lead = await leadClient(server.url, admin, [skultuna]);
    expectProblem(await lead.client.get(`${EXPORT}?format=csv&initiativeId=${skultuna}`), 403);
    expectProblem(await core.get(EXPORT), 403);
    expect((await fetch(`${server.url}${EXPORT}`)).status).toBe(401);
    expect((await admin.get(`${EXPORT}?format=jsonl&from=2099-01-01`)).status).toBe(200);
  }, 60_000);

  it("400 naming the field, in the user's language, for a bad format, date or initiative", async () => {
    const format = expectProblem(await auditor.get(`${EXPORT}?format=xml`), 400, "/problems/validation");
    expect(format.errors).toEqual([expect.objectContaining({ path: "query.format" })]);
    const day = expectProblem(await auditor.get(`${EXPORT}?from=2024-02-30`, SV), 400, "/problems/validation");
    expect(day.title).toBe("Ogiltig begäran");
    expect(day.errors).toEqual([expect.objectContaining({ path: "query.from" })]);
    const initiative = expectProblem(await auditor.get(`${EXPORT}?initiativeId=drömfabriken`), 400, "/problems/validation");
    expect(initiative.errors).toEqual([expect.objectContaining({ path: "query.initiativeId" })]);
    expectProblem(await auditor.get(`${EXPORT}?limit=5`), 400, "/problems/validation");
  }, 60_000);
});

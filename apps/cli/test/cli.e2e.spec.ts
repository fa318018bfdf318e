import { spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { jwtVerify } from "jose";
import Database from "better-sqlite3";
import { folderDigests, isSqliteIndex } from "#event-store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BINARY, NOBODY, type OtherUser, type Run, runCli } from "./support/run-cli.js";

const root = join(import.meta.dirname, "../../..");
const binary = CLI_BINARY;
const secret = "a-test-secret-that-is-long-enough-for-hs256-signing";

/** A store of its own: the paths the CLI reads from the environment, as the server does. */
function storeIn(dir: string) {
  const env = {
    MANDAT_SQLITE_PATH: join(dir, "mandat.sqlite"),
    MANDAT_READ_MODELS_PATH: join(dir, "read-models.sqlite"),
    MANDAT_KEYS_PATH: join(dir, "keys.sqlite"),
    AUTH_JWT_SECRET: secret,
  };
  const mandat = (args: ReadonlyArray<string>, extraEnv: Record<string, string> = {}): Promise<Run> =>
    runCli(args, dir, { ...env, ...extraEnv });
  return { env, mandat };
}

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "mandat-cli-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Only root may start a process as another user. */
const RUN_AS_ANOTHER_USER = process.getuid?.() === 0;
if (!RUN_AS_ANOTHER_USER)
  console.info(
    "mandat verify as a user who may only read its folder: skipped, the tests do not run as root and cannot start a process as another user",
  );

const noStackTrace = (run: Run) => expect(run.stderr).not.toMatch(/\n\s+at /);

beforeAll(() => {
  expect(existsSync(binary), `${binary} is missing: npm test builds it, or run npm run build`).toBe(true);
});

describe("mandat on a store holding the demo history", () => {
  // The demo store and its export are this block's fixture: tests read them and never change
  // them. A test that changes a store (stops a read model, edits an event) imports the
  // export into a store of its own.
  const { mandat } = storeIn(freshDir());
  let initiativeId: string;
  let exported: string[];

  /** A store of its own holding the demo history: the export imported, its read models built. */
  const copyOfTheDemo = async () => {
    const file = join(freshDir(), "export.jsonl");
    writeFileSync(file, `${exported.join("\n")}\n`);
    const copy = storeIn(freshDir());
    expect((await copy.mandat(["import", file])).code).toBe(0);
    return copy;
  };

  beforeAll(async () => {
    const demo = await mandat(["demo"]);
    expect(demo).toMatchObject({ code: 0 });
    expect(demo.stdout).toMatch(/Loaded the demo history: \d+ commands/);
    exported = (await mandat(["export", "--format", "jsonl"])).stdout.trim().split("\n");
    const registered = exported.map((line) => JSON.parse(line)).find((event) => event.data.name === "Drömfabriken i Skultuna");
    initiativeId = registered.streamId.slice("initiative-".length);
  }, 60_000);

  it("demo: refuses a log that is not empty", async () => {
    const again = await mandat(["demo"]);
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/already holds \d+ events/);
    noStackTrace(again);
  });

  it("verify: exits 0 when every chain is whole, with progress on stderr", async () => {
    const run = await mandat(["verify"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/verify: 100%/);
    expect(run.stderr).toMatch(new RegExp(`${exported.length} events, every hash chain whole`));
  });

  it("backup: the log, seals and keys copied into a new folder of the owner's; the copy verifies and exports as the log", async () => {
    const folder = join(freshDir(), "backup");
    const run = await mandat(["backup", "--output", folder]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/the event log: .*mandat\.sqlite/);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    for (const file of ["keys.sqlite", "seal-keys.sqlite"]) expect(statSync(join(folder, file)).mode & 0o777, file).toBe(0o600);
    const copy = {
      MANDAT_SQLITE_PATH: join(folder, "mandat.sqlite"),
      MANDAT_KEYS_PATH: join(folder, "keys.sqlite"),
      MANDAT_SEALS_PATH: join(folder, "seals.sqlite"),
      MANDAT_SEAL_KEYS_PATH: join(folder, "seal-keys.sqlite"),
      MANDAT_READ_MODELS_PATH: join(freshDir(), "read-models.sqlite"),
    };
    const verified = await mandat(["verify"], copy);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stderr).toMatch(new RegExp(`${exported.length} events, every hash chain whole`));
    // The demo history is sealed as it goes: the seals and their keys came along.
    expect(verified.stderr).toMatch(/\b(\d+) of \1 seals hold/);
    expect((await mandat(["export", "--format", "jsonl"], copy)).stdout.trim().split("\n")).toEqual(exported);

    const again = await mandat(["backup", "--output", folder]);
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/exists: back up into a new folder/);
    expect((await mandat(["backup"])).code).toBe(64);
    noStackTrace(again);
  });

  describe("verify, export, history and backup read a backup as it is", () => {
    // An auditor checks a backup, or the server's folder, with read access alone; and a
    // backup that verified must still be the bytes that were backed up.
    let folder: string;
    let copy: Record<string, string>;
    /** Each file of the backup with a digest of its bytes; SQLite's -wal and -shm beside them left out. */
    const contents = () => folderDigests(folder).filter((line) => !isSqliteIndex(line.split(" ")[0]!));
    const writableByAll = () => {
      const dir = freshDir();
      chmodSync(dir, 0o777);
      return dir;
    };
    const readingTools = (as?: OtherUser) =>
      Promise.all([
        runCli(["verify"], folder, copy, as),
        runCli(["export", "--format", "jsonl"], folder, copy, as),
        runCli(["history", initiativeId], folder, copy, as),
      ]);

    beforeAll(async () => {
      folder = join(freshDir(), "backup");
      expect((await mandat(["backup", "--output", folder])).code).toBe(0);
      copy = {
        MANDAT_SQLITE_PATH: join(folder, "mandat.sqlite"),
        MANDAT_KEYS_PATH: join(folder, "keys.sqlite"),
        MANDAT_SEALS_PATH: join(folder, "seals.sqlite"),
        MANDAT_SEAL_KEYS_PATH: join(folder, "seal-keys.sqlite"),
        MANDAT_READ_MODELS_PATH: join(folder, "read-models.sqlite"),
        AUTH_JWT_SECRET: secret,
      };
    });

    it("changing no byte of its files, and creating none but SQLite's index beside them", async () => {
      const before = contents();
      const [verified, exportedAgain, timeline] = await readingTools();
      const backedUp = await runCli(["backup", "--output", join(writableByAll(), "backup")], folder, copy);
      for (const run of [verified, exportedAgain, timeline, backedUp]) expect(run.code, run.stderr).toBe(0);
      expect(exportedAgain.stdout.trim().split("\n")).toEqual(exported);
      expect(timeline.stdout).toMatch(/InitiativeRegistered/);
      expect(contents()).toEqual(before);
    });

    it.runIf(RUN_AS_ANOTHER_USER)(
      "as another user, who may read the log and its seals, not the keys, and makes nothing beside them even where it may write",
      async () => {
        // A backup of its own, as the backup made it (the keys the owner's alone), in a folder
        // anyone may write: an index another user made beside a file would keep its owner's
        // server from writing it.
        folder = join(freshDir(), "backup");
        expect((await mandat(["backup", "--output", folder])).code).toBe(0);
        chmodSync(dirname(folder), 0o755);
        chmodSync(folder, 0o777);
        for (const file of ["mandat.sqlite", "seals.sqlite"]) chmodSync(join(folder, file), 0o644);
        copy = {
          ...copy,
          MANDAT_SQLITE_PATH: join(folder, "mandat.sqlite"),
          MANDAT_KEYS_PATH: join(folder, "keys.sqlite"),
          MANDAT_SEALS_PATH: join(folder, "seals.sqlite"),
          MANDAT_SEAL_KEYS_PATH: join(folder, "seal-keys.sqlite"),
        };
        const listed = readdirSync(folder).sort();
        const before = contents();
        const [verified, exportedAgain, timeline] = await readingTools(NOBODY);
        for (const run of [verified, exportedAgain, timeline]) expect(run.code, run.stderr).toBe(0);
        expect(verified.stderr).toMatch(/\b(\d+) of \1 seals hold/);
        expect(exportedAgain.stdout.trim().split("\n")).toEqual(exported);
        // The timeline all the same, people by id.
        expect(timeline.stdout).toMatch(/InitiativeRegistered/);
        expect(timeline.stderr).toMatch(
          /People are shown by id: their names cannot be opened \(cannot read .*this user may not read it\)/,
        );
        // A backup must hold the keys: it is not made, and leaves nothing that looks like one.
        const target = join(writableByAll(), "backup");
        const backedUp = await runCli(["backup", "--output", target], folder, copy, NOBODY);
        expect(backedUp.code).toBe(69);
        expect(backedUp.stderr).toMatch(/Cannot read the person keys/);
        expect(existsSync(target) || existsSync(`${target}.partial`)).toBe(false);
        expect(readdirSync(folder).sort()).toEqual(listed);
        expect(contents()).toEqual(before);
      },
    );
  });

  it("history: the initiative as a timeline, an amendment showing scope before and after", async () => {
    const run = await mandat(["history", initiativeId]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/MandateGranted/);
    expect(run.stdout).toMatch(
      /scope \[S1 Driva mötesplatsen och dess program; S2 Samarbeta med föreningar i Skultuna\] → \[S1 .*; S2 .*; S3 Låta barnens projekt löpa över terminsgränsen\]/,
    );
    expect(run.stdout).toMatch(/Deltagare Västerås 1/);
  });

  it("history --json: entries with date, actor, event and change; a stream id works too", async () => {
    const run = await mandat(["history", `initiative-${initiativeId}`, "--json"]);
    // Read in either case, as the API reads ids.
    expect((await mandat(["history", `initiative-${initiativeId.toUpperCase()}`, "--json"])).stdout).toBe(run.stdout);
    const entries = JSON.parse(run.stdout) as Array<{ recordedAt: string; actor: string; type: string; change: string }>;
    expect(entries[0]).toMatchObject({ type: "InitiativeRegistered", actor: "mandat-demo" });
    expect(entries.every((entry) => entry.recordedAt && entry.change)).toBe(true);
  });

  it("history --asOf: the stream as known then; before it existed, or on a day that does not exist, a clear error", async () => {
    const before = await mandat(["history", initiativeId, "--asOf", "2020-01-01"]);
    expect(before.code).toBe(66);
    expect(before.stderr).toMatch(/No stream initiative-.* as known at 2020-01-01/);
    const bad = await mandat(["history", initiativeId, "--asOf", "last tuesday"]);
    expect(bad.code).toBe(64);
    const noSuchDay = await mandat(["history", initiativeId, "--asOf", "2024-02-30"]);
    expect(noSuchDay.code).toBe(64);
    expect(noSuchDay.stderr).toMatch(/--asOf takes a date .*, not "2024-02-30"/);
    noStackTrace(noSuchDay);
  });

  it("state: the overview on a date, with the mandate in force then", async () => {
    const inForce = JSON.parse((await mandat(["state", initiativeId, "--at", "2024-10-20", "--json"])).stdout);
    expect(inForce).toMatchObject({ name: "Drömfabriken i Skultuna", status: "open" });
    expect(inForce.mandate.scope).toContain("Låta barnens projekt löpa över terminsgränsen");
    expect(inForce.leads[0].name).toBe("Initiativledare Drömfabriken");
    const beforeAmendment = JSON.parse((await mandat(["state", initiativeId, "--at", "2024-10-14", "--json"])).stdout);
    expect(beforeAmendment.mandate.scope).not.toContain("Låta barnens projekt löpa över terminsgränsen");
    const beforeMandate = JSON.parse((await mandat(["state", initiativeId, "--at", "2024-06-30", "--json"])).stdout);
    expect(beforeMandate.mandate).toBeNull();
    const readable = await mandat(["state", initiativeId, "--at", "2024-10-20"]);
    expect(readable.stdout).toMatch(/Drömfabriken i Skultuna \(open\) on 2024-10-20/);
  });

  it("state: an unknown initiative and a bad date are clear errors", async () => {
    const unknown = await mandat(["state", "01a2239d-0000-7000-8000-000000000000"]);
    expect(unknown.code).toBe(66);
    const badDate = await mandat(["state", initiativeId, "--at", "20-10-2024"]);
    expect(badDate.code).toBe(64);
    const noSuchDay = await mandat(["state", initiativeId, "--at", "2024-02-31"]);
    expect(noSuchDay.code).toBe(64);
    expect(noSuchDay.stderr).toMatch(/--at takes a date \(YYYY-MM-DD\), not "2024-02-31"/);
    noStackTrace(unknown);
  });

  it("state: a stopped read model it does not read does not hold it up; one it reads is 65, named", async () => {
    const copy = await copyOfTheDemo();
    expect((await copy.mandat(["rebuild"])).code).toBe(0);
    const db = new Database(copy.env.MANDAT_READ_MODELS_PATH);
    const stop = db.prepare("UPDATE projection_checkpoints SET status = 'stopped', position = 1, failure = ? WHERE name = ?");
    const failure = (type: string) => JSON.stringify({ position: 2, eventId: "event-2", type, message: "a bug" });
    try {
      stop.run(failure("BudgetProposed"), "budgets");
      expect((await copy.mandat(["state", initiativeId, "--at", "2024-10-20"])).code).toBe(0);
      stop.run(failure("MandateGranted"), "mandate-history");
      const stopped = await copy.mandat(["state", initiativeId, "--at", "2024-10-20"]);
      expect(stopped.code).toBe(65);
      expect(stopped.stderr).toMatch(
        /Read model mandate-history stopped on MandateGranted at position 2 \(a bug\); once fixed, mandat rebuild mandate-history/,
      );
      noStackTrace(stopped);
    } finally {
      db.close();
    }
  }, 30_000);

  it("export: JSONL with full envelopes, CSV for Excel with a header, filtered by stream, initiative and time", async () => {
    expect(exported.length).toBeGreaterThan(90);
    const first = JSON.parse(exported[0]!);
    expect(first).toMatchObject({ position: 1, revision: 0, schemaVersion: 1 });
    expect(first.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    // CSV as Swedish Excel opens it: BOM, `;`, CRLF; the JSON columns quoted with their quotes doubled.
    const csvText = (await mandat(["export", "--format", "csv"])).stdout;
    expect(csvText.startsWith("\uFEFFposition;eventId;streamId;revision;type;schemaVersion;recordedAt;data;metadata\r\n")).toBe(
      true,
    );
    const csv = csvText.split("\r\n").slice(0, -1);
    expect(csv).toHaveLength(exported.length + 1);
    expect(csv[1]).toMatch(/^1;[0-9a-f-]{36};[a-z]+-[^;]+;0;[A-Za-z]+;1;[^;]+;"\{""/);
    const ofInitiative = (await mandat(["export", "--format", "jsonl", "--initiative", initiativeId])).stdout.trim().split("\n");
    expect(ofInitiative.map((line) => JSON.parse(line).streamId)).toContain(`initiative-${initiativeId}`);
    expect(ofInitiative.every((line) => /^(initiative|signal|tension)-/.test(JSON.parse(line).streamId))).toBe(true);
    const stream = (await mandat(["export", "--format", "jsonl", "--stream", `initiative-${initiativeId}`])).stdout
      .trim()
      .split("\n");
    expect(stream.every((line) => JSON.parse(line).streamId === `initiative-${initiativeId}`)).toBe(true);
    const future = await mandat(["export", "--format", "jsonl", "--from", "2099-01-01"]);
    expect(future.stdout).toBe("");
    const bad = await mandat(["export", "--format", "xml"]);
    expect(bad.code).toBe(64);
    const mistyped = await mandat(["export", "--format", "jsonl", "--initiative", "Drömfabriken"]);
    expect(mistyped.code).toBe(64);
    expect(mistyped.stderr).toMatch(/--initiative takes an initiative's id/);
    const noSuchDay = await mandat(["export", "--format", "jsonl", "--from", "2024-02-30"]);
    expect(noSuchDay.code).toBe(64);
    expect(noSuchDay.stdout).toBe("");
    expect(noSuchDay.stderr).toMatch(/--from takes a date .*, not "2024-02-30"/);
  });

  it("export --output: writes a new file, and refuses one that exists or cannot be created (73)", async () => {
    const file = join(freshDir(), "export.jsonl");
    const written = await mandat(["export", "--format", "jsonl", "--output", file]);
    expect(written.code).toBe(0);
    expect(written.stderr).toMatch(new RegExp(`Exported ${exported.length} events to .*export\\.jsonl`));
    expect(readFileSync(file, "utf8").trim().split("\n")).toEqual(exported);
    const again = await mandat(["export", "--format", "jsonl", "--output", file]);
    expect(again.code).toBe(73);
    expect(again.stderr).toMatch(/Cannot write .*export\.jsonl/);
    expect(readFileSync(file, "utf8").trim().split("\n")).toEqual(exported);
    const nowhere = await mandat(["export", "--format", "jsonl", "--output", "/nonexistent/export.jsonl"]);
    expect(nowhere.code).toBe(73);
    noStackTrace(nowhere);
  });

  it("import: an export loads into an empty store with ids, order, times and hashes, and verifies", async () => {
    const file = join(freshDir(), "export.jsonl");
    writeFileSync(file, `${exported.join("\n")}\n`);
    const target = storeIn(freshDir());
    const run = await target.mandat(["import", file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`imported and verified ${exported.length} events`));
    const copy = (await target.mandat(["export", "--format", "jsonl"])).stdout.trim().split("\n");
    expect(copy).toEqual(exported);
    const again = await target.mandat(["import", file]);
    expect(again.code).toBe(73);
  });

  it("import: a missing file, a line that is not an envelope", async () => {
    const target = storeIn(freshDir());
    expect((await target.mandat(["import", "/nonexistent/export.jsonl"])).code).toBe(66);
    const garbage = join(freshDir(), "garbage.jsonl");
    writeFileSync(garbage, `${exported[0]}\n{"not":"an event"}\n`);
    const run = await target.mandat(["import", garbage]);
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/garbage\.jsonl:2: not an event envelope/);
    noStackTrace(run);
  });

  it("rebuild: every read model, or one, with progress; an unknown one is a usage error", async () => {
    const copy = await copyOfTheDemo();
    const all = await copy.mandat(["rebuild"]);
    expect(all.code).toBe(0);
    expect(all.stderr).toMatch(/rebuild: .*rebuilt up to position \d+/);
    const one = await copy.mandat(["rebuild", "mandate-history"]);
    expect(one.code).toBe(0);
    expect(one.stderr).toMatch(/mandate-history rebuilt/);
    const unknown = await copy.mandat(["rebuild", "nonsense"]);
    expect(unknown.code).toBe(64);
    const db = new Database(copy.env.MANDAT_READ_MODELS_PATH, { readonly: true });
    // The demo's versions: three grants and an amendment in 2024, two grants and a renewal since,
    // and the chair's amendment between meetings yesterday (a delegation decision).
    expect(db.prepare("SELECT count(*) AS n FROM mandate_versions").get()).toEqual({ n: 8 });
    db.close();
  });

  it("verify: exits 1 naming the first broken event once an event was edited", async () => {
    const target = await copyOfTheDemo();
    const db = new Database(target.env.MANDAT_SQLITE_PATH);
    db.prepare("UPDATE events SET data = ? WHERE position = 10").run(JSON.stringify({ name: "forged" }));
    db.close();
    const run = await target.mandat(["verify"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`broken at position 10: event ${JSON.parse(exported[9]!).eventId}.*hash-mismatch`));
  });

  it("verify: exits 1 for a damaged database file whose events still read back whole", async () => {
    const target = await copyOfTheDemo();
    const path = target.env.MANDAT_SQLITE_PATH;
    // Everything in the main file, then one byte of the (stream_id, revision) index changed,
    // as a disk or a copy might: the events themselves, and so their hash chains, are untouched.
    const db = new Database(path);
    db.pragma("wal_checkpoint(TRUNCATE)");
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    const rootPage = db
      .prepare<[], number>("SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_events_2'")
      .pluck()
      .get()!;
    db.close();
    const file = readFileSync(path);
    file[rootPage * pageSize - 3]! ^= 0x01;
    writeFileSync(path, file);
    const run = await target.mandat(["verify"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/every hash chain whole/);
    expect(run.stderr).toMatch(/The database file is damaged \(SQLite's integrity check\): .*sqlite_autoindex_events_2/);
    const json = await target.mandat(["verify", "--json"]);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(false);
    expect(report.storageProblems.length).toBeGreaterThan(0);
    noStackTrace(run);
  });
});

describe("mandat token", () => {
  // A store with the demo history (its people have development logins) and one person
  // registered through the server, who has none until `mandat token --person` links one.
  const dir = freshDir();
  const { env, mandat } = storeIn(dir);
  const LONER = "Tokenprovet Ensam";
  let lonerId: string;

  /** The claims of a printed token, its signature checked with the store's secret. */
  const claimsOf = async (run: Run) => {
    expect(run.code, run.stderr).toBe(0);
    return (await jwtVerify(run.stdout.trim(), new TextEncoder().encode(secret))).payload;
  };

  /** The PersonLoginLinked events of a person's stream, as `mandat export` prints them. */
  const loginsLinked = async (personId: string) => {
    const run = await mandat(["export", "--format", "jsonl", "--stream", `person-${personId}`]);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((event) => event.type === "PersonLoginLinked");
  };

  beforeAll(async () => {
    expect((await mandat(["demo"])).code).toBe(0);
    const admin = (await mandat(["token", "--role", "admin"])).stdout.trim();
    const server = await apiServer(dir, env);
    try {
      const post = async (path: string, body: unknown) => {
        const response = await fetch(`${server.url}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        expect(response.status, `${path}: ${await response.clone().text()}`).toBe(201);
        return ((await response.json()) as { id: string }).id;
      };
      const organisationId = await post("/api/v1/organisations", { name: "Tokenprovets kommun", kind: "municipality" });
      lonerId = await post("/api/v1/people", { organisationId, name: LONER });
    } finally {
      await server.stop();
    }
  }, 90_000);

  it("--role admin: a token the server takes as an admin's (the set-up registered a person with it); no initiatives", async () => {
    const payload = await claimsOf(await mandat(["token", "--role", "admin", "--sub", "ops-1"]));
    expect(payload).toMatchObject({ sub: "ops-1", roles: ["admin"], iss: "mandat" });
    expect(payload).not.toHaveProperty("initiatives");
    expect(lonerId).toMatch(/^[0-9a-f-]{36}$/);
  }, 60_000);

  it("--person <name> of a registered person without a login: links a development login once, then signs { sub: personId, name, iss: mandat }", async () => {
    expect(await loginsLinked(lonerId)).toEqual([]);
    const first = await mandat(["token", "--person", LONER]);
    expect(first.stderr).toMatch(new RegExp(`Linked a development login to ${LONER} \\(issuer mandat, subject ${lonerId}\\)`));
    const payload = await claimsOf(first);
    expect(payload).toMatchObject({ sub: lonerId, name: LONER, iss: "mandat" });
    expect(payload).not.toHaveProperty("initiatives");
    expect(payload).not.toHaveProperty("roles");
    expect(await loginsLinked(lonerId)).toHaveLength(1);

    // Again, by id this time: the login is there, so nothing is linked or appended.
    const second = await mandat(["token", "--person", lonerId]);
    expect(second.stderr).not.toMatch(/Linked/);
    expect(await claimsOf(second)).toMatchObject({ sub: lonerId, name: LONER, iss: "mandat" });
    expect(await loginsLinked(lonerId)).toHaveLength(1);

    // The server takes the token as the person.
    const server = await apiServer(dir, env);
    try {
      const response = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${second.stdout.trim()}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ issuer: "mandat", subject: lonerId, person: { id: lonerId, name: LONER } });
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("--person <name> of a demo person: their development login is there already, nothing is linked", async () => {
    const run = await mandat(["token", "--person", "Deltagare Västerås 1"]);
    expect(run.stderr).not.toMatch(/Linked/);
    const payload = await claimsOf(run);
    expect(payload).toMatchObject({ name: "Deltagare Västerås 1", iss: "mandat" });
    expect(payload.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(payload).not.toHaveProperty("initiatives");
    expect(payload).not.toHaveProperty("roles");
    expect(await loginsLinked(payload.sub!)).toHaveLength(1);
  }, 60_000);

  it("an unknown person: 66; a name several people share: 64, listing them", async () => {
    const unknown = await mandat(["token", "--person", "Ingen Alls"]);
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toMatch(/No registered person is called or has the id "Ingen Alls"/);
    expect(unknown.stdout).toBe("");
    noStackTrace(unknown);
    const ambiguous = await mandat(["token", "--person", "Deltagare Västerås"]);
    expect(ambiguous.code).toBe(64);
    expect(ambiguous.stderr).toMatch(
      /"Deltagare Västerås" names \d+ people: .*Deltagare Västerås 1 \([0-9a-f-]{36}\).*Give the id/,
    );
    expect(ambiguous.stdout).toBe("");
    noStackTrace(ambiguous);
  }, 60_000);

  it("refuses core-team and initiative-lead roles (they come from the log: use --person), unknown roles, and production", async () => {
    for (const role of ["initiative-lead", "core-team"]) {
      const run = await mandat(["token", "--role", role]);
      expect(run.code, role).toBe(64);
      expect(run.stderr).toMatch(/use --person <id\|name>/);
      expect(run.stdout).toBe("");
    }
    expect((await mandat(["token", "--role", "superuser"])).code).toBe(64);
    expect((await mandat(["token"])).code).toBe(64);
    expect((await mandat(["token", "--role", "admin", "--person", LONER])).code).toBe(64);
    const withSub = await mandat(["token", "--person", LONER, "--sub", "someone-else"]);
    expect(withSub.code).toBe(64);
    expect(withSub.stderr).toMatch(/--sub goes with --role/);
    expect((await mandat(["token", "--role", "admin"], { NODE_ENV: "production" })).code).toBe(77);
    expect((await mandat(["token", "--person", LONER], { NODE_ENV: "production" })).code).toBe(77);
  }, 60_000);
});

/** The API server (as built) over a store, until stopped: for what only the server can write. */
async function apiServer(dir: string, env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(root, "dist/bundle/api.js")], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env, PORT: "0", HOST: "127.0.0.1", MANDAT_DEMO: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const url = output.match(/Mandat is running at (http:\/\/\S+)/)?.[1];
    if (url) return { url, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("mandat, used wrongly", () => {
  const { env, mandat } = storeIn(freshDir());

  it("names the missing store instead of creating one", async () => {
    const run = await mandat(["verify"]);
    expect(run.code).toBe(66);
    expect(run.stderr).toMatch(/No event log at .*mandat\.sqlite/);
    expect(existsSync(env.MANDAT_SQLITE_PATH)).toBe(false);
  });

  it("answers unknown commands, flags and extra arguments with 64 and no stack trace", async () => {
    for (const args of [["frobnicate"], ["verify", "--loudly"], ["verify", "extra"], []]) {
      const run = await mandat(args);
      expect(run.code, args.join(" ")).toBe(64);
      noStackTrace(run);
    }
    expect((await mandat(["--help"])).stdout).toMatch(/mandat history/);
  });

  it("reports a bad configuration with 78", async () => {
    const run = await mandat(["verify"], { MANDAT_STORE: "eventstoredb" });
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/EVENTSTORE_CONNECTION_STRING/);
  });

  it("reports a configured path it cannot write with 78, naming the variable", async () => {
    const dir = freshDir();
    writeFileSync(join(dir, "in-the-way"), "");
    const run = await mandat(["demo"], { MANDAT_SEALS_PATH: join(dir, "in-the-way", "seals.sqlite") });
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/MANDAT_SEALS_PATH=\S+: cannot create the folder \S+in-the-way: \S+ is not a folder/);
    noStackTrace(run);
  });

  it("refuses a folder or a device where a file must be, before it creates any file (78)", async () => {
    const dir = freshDir();
    const aFolder = join(dir, "a-folder");
    mkdirSync(aFolder);
    const folderAsLog = await mandat(["demo"], { MANDAT_SQLITE_PATH: aFolder, MANDAT_KEYS_PATH: join(dir, "keys.sqlite") });
    expect(folderAsLog.code).toBe(78);
    expect(folderAsLog.stderr).toMatch(/MANDAT_SQLITE_PATH=\S+a-folder: \S+a-folder is a folder/);
    const deviceAsKeys = await mandat(["demo"], {
      MANDAT_SQLITE_PATH: join(dir, "mandat.sqlite"),
      MANDAT_KEYS_PATH: "/dev/null",
    });
    expect(deviceAsKeys.code).toBe(78);
    expect(deviceAsKeys.stderr).toMatch(/MANDAT_KEYS_PATH=\/dev\/null: \/dev\/null is not a file/);
    // Refused before anything was opened: no log, no key store.
    expect(readdirSync(dir)).toEqual(["a-folder"]);
  });

  it("reports a store locked by another writer with 69", async () => {
    const dir = freshDir();
    const locked = storeIn(dir);
    const lockHolder = new Database(locked.env.MANDAT_SQLITE_PATH);
    lockHolder.pragma("journal_mode = WAL");
    lockHolder.exec("CREATE TABLE IF NOT EXISTS hold (x)");
    lockHolder.exec("BEGIN EXCLUSIVE");
    try {
      const run = await locked.mandat(["demo"]);
      expect(run.code).toBe(69);
      expect(run.stderr).toMatch(/locked/i);
      noStackTrace(run);
    } finally {
      lockHolder.exec("ROLLBACK");
      lockHolder.close();
    }
  }, 30_000);
});

describe("mandat migrate", () => {
  const { mandat } = storeIn(freshDir());

  it("names its only target and what it needs", async () => {
    expect((await mandat(["migrate", "--to", "postgres"])).code).toBe(64);
    const noTarget = await mandat(["migrate", "--to", "eventstoredb"]);
    expect(noTarget.code).toBe(78);
    expect(noTarget.stderr).toMatch(/EVENTSTORE_CONNECTION_STRING/);
    const noSource = await mandat(["migrate", "--to", "eventstoredb"], {
      EVENTSTORE_CONNECTION_STRING: "esdb://127.0.0.1:1?tls=false",
    });
    expect(noSource.code).toBe(66);
    expect(noSource.stderr).toMatch(/No embedded log/);
  });
});

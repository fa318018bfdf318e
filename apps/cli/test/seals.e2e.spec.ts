import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BINARY, type Run, runCli } from "./support/run-cli.js";

const binary = CLI_BINARY;

const dir = mkdtempSync(join(tmpdir(), "mandat-seals-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = {
  MANDAT_SQLITE_PATH: join(dir, "data/mandat.sqlite"),
  MANDAT_READ_MODELS_PATH: join(dir, "data/read-models.sqlite"),
  MANDAT_KEYS_PATH: join(dir, "keys/keys.sqlite"),
  AUTH_JWT_SECRET: "a-test-secret-that-is-long-enough-for-hs256-signing",
};
const sealKeys = join(dir, "keys/seal-keys.sqlite");

/** The built CLI as a child process of its own. */
const mandat = (args: ReadonlyArray<string>, extraEnv: Record<string, string> = {}): Promise<Run> =>
  runCli(args, dir, { ...env, ...extraEnv });

/** The seals the demo made: it approves minutes, and each approval seals the log. */
let demoSeals: number;

beforeAll(async () => {
  expect(existsSync(binary), `${binary} is missing: npm test builds it, or run npm run build`).toBe(true);
  expect((await mandat(["demo"])).code).toBe(0);
  demoSeals = JSON.parse((await mandat(["verify", "--json"])).stdout).seals.checked;
}, 60_000);

describe("mandat seal, seal-keys and verify --json", () => {
  let seal: { position: number; eventCount: number; keyId: string; digest: string };

  it("seal: seals the log as committed, prints the seal and creates the signing key beside the person keys", async () => {
    const run = await mandat(["seal"]);
    expect(run).toMatchObject({ code: 0 });
    seal = JSON.parse(run.stdout);
    expect(seal).toMatchObject({ eventCount: seal.position, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(existsSync(sealKeys)).toBe(true);
    expect(statSync(sealKeys).mode & 0o777).toBe(0o600);
  });

  it("verify --json: checks the seal with the public key alone (no private key in the process) and prints the latest seal", async () => {
    const run = await mandat(["verify", "--json"], { MANDAT_SEAL_KEYS_PATH: join(dir, "nowhere/seal-keys.sqlite") });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(demoSeals).toBeGreaterThan(0);
    expect(report).toMatchObject({ ok: true, seals: { checked: demoSeals + 1, failures: [] }, latestSeal: seal });
    expect(existsSync(join(dir, "nowhere"))).toBe(false);
  });

  it("seal-keys --rotate: a new key signs from then on; both are printed as a JWKS and both seals verify", async () => {
    const rotated = await mandat(["seal-keys", "--rotate"]);
    expect(rotated.code).toBe(0);
    const { keys } = JSON.parse(rotated.stdout);
    expect(keys.map((key: { kid: string }) => key.kid)[0]).toBe(seal.keyId);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
    const second = JSON.parse((await mandat(["seal"])).stdout);
    expect(second.keyId).toBe(keys[1].kid);
    expect(JSON.parse((await mandat(["verify", "--json"])).stdout)).toMatchObject({
      ok: true,
      seals: { checked: demoSeals + 2 },
    });
  });

  it("export --seals and import --seals: a copy keeps its seals, and they hold against it", async () => {
    const [log, seals] = [join(dir, "export.jsonl"), join(dir, "export.seals.json")];
    const exported = await mandat(["export", "--format", "jsonl", "--output", log, "--seals", seals]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(new RegExp(`Exported ${demoSeals + 2} seals to`));
    const copy = {
      MANDAT_SQLITE_PATH: join(dir, "copy/mandat.sqlite"),
      MANDAT_READ_MODELS_PATH: join(dir, "copy/read-models.sqlite"),
      MANDAT_KEYS_PATH: join(dir, "copy/keys.sqlite"),
    };
    const imported = await mandat(["import", log, "--seals", seals], copy);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`Imported ${demoSeals + 2} seals; every one holds`);
    expect(JSON.parse((await mandat(["verify", "--json"], copy)).stdout)).toMatchObject({
      ok: true,
      seals: { checked: demoSeals + 2 },
    });
    expect((await mandat(["export", "--stream", "x", "--seals", join(dir, "part.json")])).code).toBe(64);
  });

  it("verify: a log whose last events were cut off with SQL exits 1, saying after which position it was truncated", async () => {
    const db = new Database(env.MANDAT_SQLITE_PATH);
    db.prepare("DELETE FROM events WHERE position > ?").run(seal.position - 3);
    db.close();
    const run = await mandat(["verify"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("every hash chain whole");
    expect(run.stderr).toContain(`truncated after position ${seal.position - 3}`);
    const json = JSON.parse((await mandat(["verify", "--json"])).stdout);
    expect(json.seals.failures.map((failure: { problem: string }) => failure.problem)).toEqual(["truncated", "truncated"]);
  });
});

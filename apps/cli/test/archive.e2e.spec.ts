import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Effect } from "effect";
import { verifyStore } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BINARY, runCli } from "./support/run-cli.js";

/**
 * `mandat archive`: an E-ARK SIP of the demo log, checked against the CSIP 2.2 requirements
 * it implements (each test names its ids), with xmllint from Debian (.ci/run installs it).
 */
const binary = CLI_BINARY;

const dir = mkdtempSync(join(tmpdir(), "mandat-archive-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storeEnv = (name: string) => ({
  MANDAT_SQLITE_PATH: join(dir, name, "mandat.sqlite"),
  MANDAT_READ_MODELS_PATH: join(dir, name, "read-models.sqlite"),
  MANDAT_KEYS_PATH: join(dir, name, "keys.sqlite"),
  AUTH_JWT_SECRET: "a-test-secret-that-is-long-enough-for-hs256-signing",
});

const mandat = (args: ReadonlyArray<string>, env: Record<string, string>) => runCli(args, dir, env);

const xmllintMissing = (() => {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return false;
  } catch {
    return true;
  }
})();

/** One value of an XPath over a document, namespaces matched by local name. */
const xpath = (file: string, expression: string): string =>
  // xmllint ends what it prints with a newline of its own.
  execFileSync("xmllint", ["--xpath", `string(${expression})`, file])
    .toString()
    .replace(/\n$/, "");
const count = (file: string, expression: string): number => Number(xpath(file, `count(${expression})`));
/** `mets:x/mets:y` as a path xmllint can follow without namespace bindings. */
const m = (path: string): string =>
  path
    .split("/")
    .map((step) =>
      step === ""
        ? ""
        : step.replace(/^(@?)([A-Za-z]+)(\[.*\])?$/, (_, at, name, predicate = "") =>
            at ? `@${name}` : `*[local-name()='${name}']${predicate}`,
          ),
    )
    .join("/");

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let packageRoot: string;
let objectId: string;
let mets: string;
let premis: string;

beforeAll(async () => {
  expect(existsSync(binary), `${binary} is missing: npm test builds it, or run npm run build`).toBe(true);
  if (xmllintMissing)
    console.warn("xmllint is missing: install libxml2-utils (.ci/run does); the archive tests cannot run without it");
  expect(xmllintMissing, "xmllint (libxml2-utils) is needed to check the package's XML").toBe(false);
  const env = storeEnv("source");
  expect((await mandat(["demo"], env)).code).toBe(0);
  expect((await mandat(["seal"], env)).code).toBe(0);
  const archived = await mandat(["archive", "--output", join(dir, "package")], env);
  expect(archived.stderr).toMatch(/archive: \d+ events, \d+ minutes, \d+ mandate histories, \d+ seals/);
  expect(archived.code).toBe(0);
  const entries = readdirSync(join(dir, "package"));
  expect(entries).toHaveLength(1);
  objectId = entries[0]!;
  packageRoot = join(dir, "package", objectId);
  mets = join(packageRoot, "METS.xml");
  premis = join(packageRoot, "metadata/preservation/premis.xml");
}, 120_000);

describe("mandat archive: an E-ARK SIP", () => {
  it("CSIPSTR1, CSIPSTR2, CSIPSTR4, CSIPSTR5, CSIPSTR6, CSIPSTR9, CSIPSTR10: one root folder named by the package id, METS.xml, metadata/preservation, representations/rep1", () => {
    expect(objectId).toMatch(/^mandat-sip-[0-9a-f-]{36}$/);
    expect(readdirSync(packageRoot).sort()).toEqual(["METS.xml", "documentation", "metadata", "representations"]);
    expect(existsSync(premis)).toBe(true);
    expect(readdirSync(join(packageRoot, "representations"))).toEqual(["rep1"]);
    expect(readdirSync(join(packageRoot, "representations/rep1/data"))).toEqual(
      expect.arrayContaining([
        "events.jsonl",
        "seals.jsonl",
        "seal-keys.jwks.json",
        "index.html",
        "print.css",
        "minutes",
        "mandates",
      ]),
    );
  });

  it("METS.xml, premis.xml and every HTML rendering are well-formed XML (xmllint)", () => {
    const renderings = ["minutes", "mandates"].flatMap((folder) =>
      readdirSync(join(packageRoot, "representations/rep1/data", folder)).map((file) =>
        join(packageRoot, "representations/rep1/data", folder, file),
      ),
    );
    expect(renderings.length).toBeGreaterThan(2);
    for (const file of [mets, premis, join(packageRoot, "representations/rep1/data/index.html"), ...renderings])
      execFileSync("xmllint", ["--noout", "--nonet", file]);
  });

  it("CSIP1, CSIP2, CSIP4, CSIP5, CSIP6: package id, content category, content information type and profile on the root", () => {
    expect(xpath(mets, m("/mets/@OBJID"))).toBe(objectId);
    expect(xpath(mets, m("/mets/@TYPE"))).toBe("Mixed");
    expect(xpath(mets, "/*/@*[local-name()='CONTENTINFORMATIONTYPE']")).toBe("OTHER");
    expect(xpath(mets, "/*/@*[local-name()='OTHERCONTENTINFORMATIONTYPE']")).toMatch(/^Mandat event log/);
    expect(xpath(mets, m("/mets/@PROFILE"))).toBe("https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml");
  });

  it("CSIP117, CSIP7, CSIP9, CSIP10, CSIP11, CSIP12, CSIP13, CSIP14, CSIP15, CSIP16: the header, a SIP, made by Mandat as software with its version", () => {
    expect(count(mets, m("/mets/metsHdr"))).toBe(1);
    expect(Date.parse(xpath(mets, m("/mets/metsHdr/@CREATEDATE")))).not.toBeNaN();
    expect(xpath(mets, "/*/*[local-name()='metsHdr']/@*[local-name()='OAISPACKAGETYPE']")).toBe("SIP");
    const agent = m("/mets/metsHdr/agent");
    expect(count(mets, `${agent}[@ROLE='CREATOR'][@TYPE='OTHER'][@OTHERTYPE='SOFTWARE']`)).toBe(1);
    expect(xpath(mets, `${agent}/*[local-name()='name']`)).toBe("Mandat");
    expect(xpath(mets, `${agent}/*[local-name()='note'][@*[local-name()='NOTETYPE']='SOFTWARE VERSION']`)).toMatch(
      /^\d+\.\d+\.\d+$/,
    );
  });

  it("CSIP31, CSIP32, CSIP33, CSIP34, CSIP36, CSIP37, CSIP38, CSIP39, CSIP40, CSIP41, CSIP42, CSIP43, CSIP44: PREMIS as digital provenance, referenced with its size and SHA-256", () => {
    const digiprov = m("/mets/amdSec/digiprovMD");
    expect(xpath(mets, `${digiprov}/@ID`)).not.toBe("");
    expect(xpath(mets, `${digiprov}/@STATUS`)).toBe("CURRENT");
    const ref = `${digiprov}/*[local-name()='mdRef']`;
    expect(xpath(mets, `${ref}/@LOCTYPE`)).toBe("URL");
    expect(xpath(mets, `${ref}/@*[local-name()='type']`)).toBe("simple");
    expect(xpath(mets, `${ref}/@*[local-name()='href']`)).toBe("metadata/preservation/premis.xml");
    expect(xpath(mets, `${ref}/@MDTYPE`)).toBe("PREMIS");
    expect(xpath(mets, `${ref}/@MIMETYPE`)).toBe("application/xml");
    expect(Number(xpath(mets, `${ref}/@SIZE`))).toBe(readFileSync(premis).length);
    expect(Date.parse(xpath(mets, `${ref}/@CREATED`))).not.toBeNaN();
    expect(xpath(mets, `${ref}/@CHECKSUMTYPE`)).toBe("SHA-256");
    expect(xpath(mets, `${ref}/@CHECKSUM`)).toBe(sha256(premis));
  });

  it("CSIP58, CSIP59, CSIP60, CSIP64, CSIP65, CSIP66, CSIP67, CSIP68, CSIP69, CSIP70, CSIP71, CSIP72, CSIP76, CSIP77, CSIP78, CSIP79, CSIP114: every file in the file section, with a checksum that matches the file", () => {
    expect(count(mets, m("/mets/fileSec"))).toBe(1);
    expect(xpath(mets, m("/mets/fileSec/@ID"))).not.toBe("");
    expect(count(mets, m("/mets/fileSec/fileGrp[@USE='Documentation']"))).toBe(1);
    expect(count(mets, m("/mets/fileSec/fileGrp[@USE='Representations']"))).toBe(1);
    const files = count(mets, m("/mets/fileSec/fileGrp/file"));
    const onDisk = execFileSync("find", [packageRoot, "-type", "f"]).toString().trim().split("\n");
    // Every file but METS.xml itself and the PREMIS file (referenced from amdSec) is in the file section.
    expect(files).toBe(onDisk.length - 2);
    for (let n = 1; n <= files; n++) {
      const file = `${m("/mets/fileSec/fileGrp/file")}[@ID='file-${n}']`;
      const href = xpath(
        mets,
        `${file}/*[local-name()='FLocat'][@LOCTYPE='URL'][@*[local-name()='type']='simple']/@*[local-name()='href']`,
      );
      const path = join(packageRoot, href);
      expect(xpath(mets, `${file}/@MIMETYPE`)).not.toBe("");
      expect(Number(xpath(mets, `${file}/@SIZE`))).toBe(readFileSync(path).length);
      expect(Date.parse(xpath(mets, `${file}/@CREATED`))).not.toBeNaN();
      expect(xpath(mets, `${file}/@CHECKSUMTYPE`)).toBe("SHA-256");
      expect(xpath(mets, `${file}/@CHECKSUM`)).toBe(sha256(path));
    }
  });

  it("CSIP80, CSIP81, CSIP82, CSIP83, CSIP84, CSIP85, CSIP88, CSIP89, CSIP90, CSIP91, CSIP93, CSIP94, CSIP95, CSIP116, CSIP101, CSIP102, CSIP103, CSIP119: the CSIP structural map", () => {
    const map = m("/mets/structMap[@TYPE='PHYSICAL'][@LABEL='CSIP']");
    expect(count(mets, map)).toBe(1);
    expect(xpath(mets, `${map}/@ID`)).not.toBe("");
    expect(count(mets, `${map}/*[local-name()='div']`)).toBe(1);
    const main = `${map}/*[local-name()='div']`;
    expect(xpath(mets, `${main}/@ID`)).not.toBe("");
    const division = (label: string) => `${main}/*[local-name()='div'][@LABEL='${label}']`;
    expect(xpath(mets, `${division("Metadata")}/@ID`)).not.toBe("");
    expect(xpath(mets, `${division("Metadata")}/@ADMID`)).toBe(xpath(mets, `${m("/mets/amdSec/digiprovMD")}/@ID`));
    for (const [label, use] of [
      ["Documentation", "Documentation"],
      ["Representations", "Representations"],
    ] as const) {
      expect(xpath(mets, `${division(label)}/@ID`)).not.toBe("");
      expect(xpath(mets, `${division(label)}/*[local-name()='fptr']/@FILEID`)).toBe(
        xpath(mets, `${m(`/mets/fileSec/fileGrp[@USE='${use}']`)}/@ID`),
      );
    }
  });

  it("PREMIS: every file's SHA-256 and size as recorded in its object, and the events that made the package", () => {
    const objects = count(premis, "//*[local-name()='object']");
    expect(objects).toBe(count(mets, m("/mets/fileSec/fileGrp/file")));
    for (let n = 1; n <= objects; n++) {
      const object = `(//*[local-name()='object'])[${n}]`;
      const path = join(packageRoot, xpath(premis, `${object}//*[local-name()='objectIdentifierValue']`));
      expect(xpath(premis, `${object}//*[local-name()='messageDigestAlgorithm']`)).toBe("SHA-256");
      expect(xpath(premis, `${object}//*[local-name()='messageDigest']`)).toBe(sha256(path));
      expect(Number(xpath(premis, `${object}//*[local-name()='size']`))).toBe(readFileSync(path).length);
    }
    const eventTypes = Array.from({ length: count(premis, "//*[local-name()='event']") }, (_, i) =>
      xpath(premis, `(//*[local-name()='event'])[${i + 1}]/*[local-name()='eventType']`),
    );
    expect(eventTypes).toEqual(["fixity check", "message digest calculation", "creation"]);
    expect(xpath(premis, "(//*[local-name()='event'])[1]//*[local-name()='eventOutcome']")).toBe("success");
  });

  it("has the log's seals and public keys, the minutes with their approval seals, and the format described in Swedish and English", () => {
    const data = join(packageRoot, "representations/rep1/data");
    const seals = readFileSync(join(data, "seals.jsonl"), "utf8").trim().split("\n");
    expect(seals.length).toBeGreaterThan(1);
    expect(JSON.parse(readFileSync(join(data, "seal-keys.jwks.json"), "utf8")).keys[0]).toMatchObject({
      kty: "OKP",
      crv: "Ed25519",
    });
    const minutes = readdirSync(join(data, "minutes")).map((file) => readFileSync(join(data, "minutes", file), "utf8"));
    expect(minutes.some((page) => page.includes("Sigill vid justering / Seal at approval") && page.includes("signature"))).toBe(
      true,
    );
    // The demo registers its minutes: the registrar's number is on the page.
    expect(minutes.some((page) => /<th>Diarienummer \/ Registration number<\/th><td>[^<–]+<\/td>/.test(page))).toBe(true);
    expect(readFileSync(join(data, "minutes", readdirSync(join(data, "minutes"))[0]!), "utf8")).toContain('href="../print.css"');
    const sv = readFileSync(join(packageRoot, "documentation/format.sv.txt"), "utf8");
    const en = readFileSync(join(packageRoot, "documentation/format.en.txt"), "utf8");
    expect(sv).toContain("kan inte öppnas");
    expect(en).toContain("cannot be opened by anyone");
  });

  it("its log imports into an empty store and verifies, and its seals hold against the imported log with its public keys alone", async () => {
    const env = storeEnv("reimported");
    const imported = await mandat(["import", join(packageRoot, "representations/rep1/data/events.jsonl")], env);
    expect(imported.code).toBe(0);
    const data = join(packageRoot, "representations/rep1/data");
    const seals = readFileSync(join(data, "seals.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const keys = JSON.parse(readFileSync(join(data, "seal-keys.jwks.json"), "utf8"));
    const store = SqliteEventStore.open({ path: env.MANDAT_SQLITE_PATH, fileMustExist: true });
    try {
      const report = await Effect.runPromise(verifyStore(store, { densePositions: true, seals: { seals, keys } }));
      expect(report).toMatchObject({ ok: true, seals: { checked: seals.length, failures: [] } });
    } finally {
      store.close();
    }
  });

  it("is checked as its description says: mandat import events.jsonl --seals seals.jsonl, the keys beside them", async () => {
    const data = join(packageRoot, "representations/rep1/data");
    const description = readFileSync(join(packageRoot, "documentation/format.en.txt"), "utf8");
    expect(description.replace(/\s+/g, " ")).toContain('"mandat import events.jsonl --seals seals.jsonl"');
    const env = storeEnv("checked-as-described");
    const run = await mandat(["import", join(data, "events.jsonl"), "--seals", join(data, "seals.jsonl")], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Imported (\d+) seals; every one holds/);
    expect((await mandat(["verify"], env)).code).toBe(0);
  });

  it("CSIPSTR3: --output <file>.tar writes the same package as one ustar file with its root folder", async () => {
    const tar = join(dir, "package.tar");
    expect((await mandat(["archive", "--output", tar], storeEnv("source"))).code).toBe(0);
    const listing = execFileSync("tar", ["-tf", tar]).toString().trim().split("\n");
    const [rootFolder] = listing;
    expect(rootFolder).toMatch(/^mandat-sip-[0-9a-f-]{36}\/$/);
    expect(listing).toContain(`${rootFolder}METS.xml`);
    expect(listing).toContain(`${rootFolder}representations/rep1/data/events.jsonl`);
    const extracted = join(dir, "extracted");
    execFileSync("mkdir", ["-p", extracted]);
    execFileSync("tar", ["-xf", tar, "-C", extracted]);
    const extractedPremis = join(extracted, rootFolder!, "metadata/preservation/premis.xml");
    const events = join(extracted, rootFolder!, "representations/rep1/data/events.jsonl");
    expect(
      xpath(
        extractedPremis,
        "//*[local-name()='object'][.//*[local-name()='objectIdentifierValue']='representations/rep1/data/events.jsonl']//*[local-name()='messageDigest']",
      ),
    ).toBe(sha256(events));
  });

  it("refuses an --output that exists (73) and a missing one (64)", async () => {
    expect((await mandat(["archive", "--output", join(dir, "package")], storeEnv("source"))).code).toBe(73);
    expect((await mandat(["archive"], storeEnv("source"))).code).toBe(64);
  });
});

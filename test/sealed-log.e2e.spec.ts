import { execFileSync } from "node:child_process";
import { createPublicKey, verify } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectProblem, logHead } from "./support/fixtures.js";
import { type ApiClient, serverForFile, tokenFor } from "./support/mandat-server.js";

/**
 * docs/api.md "Seals", through the built server holding the demo history: auditors seal
 * on demand, anyone fetches the public keys, verify checks every seal, and approved minutes
 * carry the seal made as they were approved.
 */
let core: ApiClient;
let auditor: ApiClient;
let anonymous: ApiClient;
let url: string;

serverForFile(
  (started) => {
    ({ core, auditor, anonymous } = started);
    url = started.server.url;
  },
  { demo: "on" },
);

interface Seal {
  position: number;
  eventCount: number;
  digest: string;
  sealedAt: string;
  keyId: string;
  signature: string;
}

/** Checked as an outside auditor would: the JWKS from the well-known URL, canonical JSON of the five fields, Ed25519. */
async function signatureHolds(seal: Seal): Promise<boolean> {
  const { body } = await anonymous.get("/.well-known/mandat-seal-keys.json");
  const jwk = body.keys.find((key: { kid: string }) => key.kid === seal.keyId);
  const { position, eventCount, digest, sealedAt, keyId } = seal;
  const signed = JSON.stringify({ digest, eventCount, keyId, position, sealedAt });
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });
  return verify(null, Buffer.from(signed), key, Buffer.from(seal.signature, "base64url"));
}

describe("the sealed log", () => {
  it("POST /api/v1/audit/seals: an auditor seals the whole log as committed; 201 with the seal, and Location where it is listed", async () => {
    const head = await logHead(auditor);
    const response = await auditor.post("/api/v1/audit/seals", {});
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ position: head, eventCount: head, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await signatureHolds(response.body)).toBe(true);
    // A seal is read in the list of seals, which Location names.
    expect(response.headers.get("location")).toBe("/api/v1/audit/seals");
    const listed = await auditor.get(response.headers.get("location")!);
    expect(listed.body).toContainEqual(response.body);
    // Its body says nothing: a field in it is 400, naming the field, as in every write.
    const unknown = await auditor.post("/api/v1/audit/seals", { bogus: "field" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "body.bogus" })]);
  });

  it("POST /api/v1/audit/seals is for auditors and admins: 403 for the Core Team, 401 without a token", async () => {
    expectProblem(await core.post("/api/v1/audit/seals", {}), 403);
    expectProblem(await anonymous.post("/api/v1/audit/seals", {}), 401);
  });

  it("GET /.well-known/mandat-seal-keys.json: the public keys as a JWKS, without a token", async () => {
    const response = await anonymous.get("/.well-known/mandat-seal-keys.json");
    expect(response.status).toBe(200);
    expect(response.body.keys[0]).toMatchObject({
      kty: "OKP",
      crv: "Ed25519",
      alg: "EdDSA",
      use: "sig",
      kid: expect.any(String),
    });
    expect(response.body.keys[0]).not.toHaveProperty("d");
  });

  it("GET /api/v1/audit/verify checks every seal against the log; GET /api/v1/audit/seals lists them", async () => {
    const seals = (await auditor.get("/api/v1/audit/seals")).body as Seal[];
    expect(seals.length).toBeGreaterThan(1);
    const [first, second] = await Promise.all([auditor.get("/api/v1/audit/verify"), auditor.get("/api/v1/audit/verify")]);
    expect(first.body).toEqual(second.body);
    expect(first.body).toMatchObject({ ok: true, seals: { checked: seals.length, failures: [], latest: seals.at(-1) } });
  });

  it("approved minutes carry the seal of the log made as they were approved", async () => {
    const listed = await auditor.get("/api/v1/meetings");
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const meetings = listed.body as Array<{ id: string }>;
    const minutes = await Promise.all(meetings.map(async ({ id }) => (await auditor.get(`/api/v1/meetings/${id}`)).body));
    const approved = minutes.filter((meeting) => meeting.approved);
    expect(approved.length).toBeGreaterThan(0);
    for (const meeting of approved) {
      expect(meeting.approvalSeal).toMatchObject({ eventCount: expect.any(Number), keyId: expect.any(String) });
      expect(await signatureHolds(meeting.approvalSeal)).toBe(true);
    }
    const unapproved = minutes.find((meeting) => !meeting.approved);
    if (unapproved) expect(unapproved.approvalSeal).toBeNull();
  });

  it("GET /api/v1/audit/archive: the archival package as one ustar file, for auditors; a bad date is 400", async () => {
    const response = await fetch(`${url}/api/v1/audit/archive`, {
      headers: { authorization: `Bearer ${await tokenFor("auditor")}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-tar");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="mandat-sip-[0-9a-f-]{36}\.tar"$/);
    const dir = mkdtempSync(join(tmpdir(), "mandat-archive-e2e-"));
    try {
      const tar = join(dir, "package.tar");
      writeFileSync(tar, Buffer.from(await response.arrayBuffer()));
      const listing = execFileSync("tar", ["-tf", tar]).toString().trim().split("\n");
      expect(listing[0]).toMatch(/^mandat-sip-[0-9a-f-]{36}\/$/);
      expect(listing).toContain(`${listing[0]}METS.xml`);
      expect(listing).toContain(`${listing[0]}representations/rep1/data/events.jsonl`);
      expect(listing.some((path) => path.includes("/minutes/"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expectProblem(await auditor.get("/api/v1/audit/archive?from=2024-02-30"), 400, "/problems/validation");
    expectProblem(await core.get("/api/v1/audit/archive"), 403);
  });
});

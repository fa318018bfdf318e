import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { Effect, Stream } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { testEvent } from "../../testing/event-store-contract.js";
import { FakeEventStoreDbClient } from "../../testing/fake-eventstoredb-client.js";
import { EventStoreDbEventStore } from "../eventstoredb/eventstoredb-event-store.js";
import { canonicalJson } from "../integrity/canonical-json.js";
import { hashEnvelope, withoutHash } from "../integrity/event-hash.js";
import { verifyStore } from "../integrity/verify-store.js";
import { copyLog, importAndVerify } from "../migration/copy-log.js";
import type { EventStoreService } from "../port/event-store.js";
import { ExpectedRevision } from "../port/expected-revision.js";
import { GENESIS_HASH, type RecordedEvent } from "../port/recorded-event.js";
import { SqliteEventStore } from "../sqlite/sqlite-event-store.js";
import { SqliteSealKeyRing } from "../sqlite/sqlite-seal-key-ring.js";
import { SqliteSealStore } from "../sqlite/sqlite-seal-store.js";
import { makeLogSealer } from "./log-sealer.js";
import { EMPTY_LOG_DIGEST, type Seal, nextLogDigest } from "./seal.js";

const run = Effect.runPromise;

let directory: string;
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** A file-backed log, its seal store and signing keys, as a deployment keeps them. */
function sealedDeployment() {
  directory = mkdtempSync(join(tmpdir(), "mandat-seals-"));
  const paths = {
    log: join(directory, "mandat.sqlite"),
    seals: join(directory, "seals.sqlite"),
    keys: join(directory, "seal-keys.sqlite"),
  };
  const seals = SqliteSealStore.open(paths.seals);
  const ring = new SqliteSealKeyRing(paths.keys);
  let store = SqliteEventStore.open({ path: paths.log });
  let sealer = makeLogSealer(store, seals, ring);
  return {
    paths,
    seals,
    ring,
    get store() {
      return store;
    },
    append: (count: number, from = 0) =>
      run(
        Effect.forEach(
          Array.from({ length: count }, (_, i) => from + i),
          (i) => store.append(`stream-${i % 3}`, [testEvent("Happened", { i })], ExpectedRevision.any),
        ),
      ),
    seal: () => run(sealer.seal),
    sealIfDue: (everyEvents: number, everyMs: number) => run(sealer.sealIfDue({ everyEvents, everyMs })),
    verify: (on: EventStoreService = store) =>
      run(
        Effect.flatMap(Effect.all([seals.all, seals.publicKeys]), ([all, keys]) =>
          verifyStore(on, { densePositions: on === store, seals: { seals: all, keys }, batchSize: 4 }),
        ),
      ),
    /** Closes the log, lets `tamper` work on the file with SQL as an intruder would, and opens it again. */
    tamper: (tamper: (db: Database.Database) => void) => {
      store.close();
      const db = new Database(paths.log);
      tamper(db);
      db.close();
      store = SqliteEventStore.open({ path: paths.log });
      sealer = makeLogSealer(store, seals, ring);
    },
    close: () => {
      store.close();
      seals.close();
      ring.close();
    },
  };
}

const allEvents = (store: EventStoreService) => run(store.readAll());

describe("seals", () => {
  it("chain the event hashes in log order into the digest, and a second seal reads on from the first", async () => {
    const log = sealedDeployment();
    await log.append(5);
    const first = await log.seal();
    await log.append(4, 5);
    const second = await log.seal();
    const hashes = (await allEvents(log.store)).map((event) => event.metadata.hash);
    expect(first).toMatchObject({
      position: 5,
      eventCount: 5,
      digest: hashes.slice(0, 5).reduce(nextLogDigest, EMPTY_LOG_DIGEST),
    });
    expect(second).toMatchObject({ position: 9, eventCount: 9, digest: hashes.reduce(nextLogDigest, EMPTY_LOG_DIGEST) });
    expect(await log.verify()).toMatchObject({ ok: true, checkedEvents: 9, seals: { checked: 2, failures: [], latest: second } });
    log.close();
  });

  it("detect the last events cut off a sealed log with SQL: truncated after the position the log now ends at", async () => {
    const log = sealedDeployment();
    await log.append(12);
    const seal = await log.seal();
    log.tamper((db) => db.prepare("DELETE FROM events WHERE position > ?").run(9));
    const report = await log.verify();
    // Every hash chain is whole: only the seal remembers the three events.
    expect(report.brokenAt).toBeUndefined();
    expect(report.ok).toBe(false);
    expect(report.seals!.failures).toEqual([
      {
        seal,
        problem: "truncated",
        detail: expect.stringMatching(/^truncated after position 9: .* covers 12 events up to position 12, the log holds 9$/),
      },
    ]);
    log.close();
  });

  it("detect a log rewritten with every hash recomputed, which the hash chains alone accept", async () => {
    const log = sealedDeployment();
    await log.append(8);
    const seal = await log.seal();
    log.tamper((db) => rewriteWithRecomputedHashes(db, 3, { i: "forged" }));
    const report = await log.verify();
    expect(report.brokenAt).toBeUndefined();
    expect(report.seals!.failures).toEqual([
      { seal, problem: "digest-mismatch", detail: expect.stringContaining("not the ones sealed") },
    ]);
    expect(report.ok).toBe(false);
    log.close();
  });

  it("say which seals a walk stopped at a broken chain did not reach, and check those before it", async () => {
    const log = sealedDeployment();
    await log.append(4);
    const before = await log.seal();
    await log.append(4, 4);
    const after = await log.seal();
    log.tamper((db) => db.prepare("UPDATE events SET data = ? WHERE position = ?").run('{"i":"edited"}', 6));
    const report = await log.verify();
    expect(report.brokenAt).toMatchObject({ position: 6, reason: "hash-mismatch" });
    expect(report.seals!.failures).toEqual([
      { seal: after, problem: "not-reached", detail: expect.stringContaining("breaks before") },
    ]);
    expect(report.seals!.failures.map(({ seal }) => seal)).not.toContainEqual(before);
    log.close();
  });

  it("report a seal whose signature does not match, and one signed by a key not among the seal keys", async () => {
    const log = sealedDeployment();
    await log.append(3);
    const honest = await log.seal();
    await run(log.seals.add({ ...honest, eventCount: 2, position: 2 }));
    await run(log.seals.add({ ...honest, keyId: "unknown-key-id" }));
    const report = await log.verify();
    expect(report.seals!.failures.map(({ problem }) => problem)).toEqual(["bad-signature", "unknown-key"]);
    expect(report.ok).toBe(false);
    log.close();
  });

  it("verify across a key rotation: each seal by the key it names, both published", async () => {
    const log = sealedDeployment();
    await log.append(4);
    const before = await log.seal();
    await run(Effect.flatMap(log.ring.rotate, log.seals.addPublicKey));
    await log.append(2, 4);
    const after = await log.seal();
    expect(after.keyId).not.toBe(before.keyId);
    const keys = await run(log.seals.publicKeys);
    expect(keys.keys.map((key) => key.kid)).toEqual([before.keyId, after.keyId]);
    expect(await log.verify()).toMatchObject({ ok: true, seals: { checked: 2, failures: [] } });
    log.close();
  });

  it("are checked with the public key alone, in a separate process that has no private key", async () => {
    const log = sealedDeployment();
    await log.append(3);
    const seal = await log.seal();
    const [jwk] = (await run(log.seals.publicKeys)).keys;
    log.close();
    // Plain Node and the JWKS: canonical JSON of the five fields (keys sorted), Ed25519.
    const script = `
      const { createPublicKey, verify } = require("node:crypto");
      const { jwk, seal } = JSON.parse(process.argv[1]);
      const { signature, ...claim } = seal;
      const signed = JSON.stringify(Object.fromEntries(Object.keys(claim).sort().map((k) => [k, claim[k]])));
      const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: "jwk" });
      process.stdout.write(String(verify(null, Buffer.from(signed), key, Buffer.from(signature, "base64url"))));`;
    const check = (checked: Seal) =>
      execFileSync(process.execPath, ["-e", script, JSON.stringify({ jwk, seal: checked })], { env: {} }).toString();
    expect(check(seal)).toBe("true");
    expect(check({ ...seal, eventCount: seal.eventCount - 1 })).toBe("false");
  });

  it("survive a migration into EventStoreDB, whose positions differ but whose order does not", async () => {
    const log = sealedDeployment();
    await log.append(10);
    const seal = await log.seal();
    const target = new EventStoreDbEventStore(new FakeEventStoreDbClient());
    await run(copyLog(log.store, target, target, { batchSize: 3 }));
    const lastTargetPosition = (await allEvents(target)).at(-1)!.position;
    expect(lastTargetPosition).not.toBe(seal.position);
    expect(await log.verify(target)).toMatchObject({ ok: true, seals: { checked: 1, failures: [] } });
    log.close();
  });

  it("survive an export and an import into an empty store", async () => {
    const log = sealedDeployment();
    await log.append(7);
    await log.seal();
    const exported = (await allEvents(log.store)).map((event) => JSON.parse(JSON.stringify(event)) as RecordedEvent);
    const target = SqliteEventStore.open({ path: ":memory:" });
    await run(importAndVerify(target, target, Stream.make(exported)));
    expect(await log.verify(target)).toMatchObject({ ok: true, seals: { checked: 1, failures: [] } });
    target.close();
    log.close();
  });

  it("are made by the server's policy: after so many events, or so long after the last seal if the log moved", async () => {
    const log = sealedDeployment();
    const hour = 3_600_000;
    expect(await log.sealIfDue(5, hour)).toBeUndefined();
    await log.append(2);
    expect(await log.sealIfDue(5, hour)).toMatchObject({ eventCount: 2 }); // the first seal of a log that moved
    await log.append(3, 2);
    expect(await log.sealIfDue(5, hour)).toBeUndefined();
    await log.append(2, 5);
    expect(await log.sealIfDue(5, hour)).toMatchObject({ eventCount: 7 });
    expect(await log.sealIfDue(5, 0)).toBeUndefined(); // the log has not moved since
    await log.append(1, 7);
    expect(await log.sealIfDue(5, 0)).toMatchObject({ eventCount: 8 });
    log.close();
  });
});

/** Forges `data` into the event at `position` and recomputes every hash and prevHash after it, as a careful intruder would. */
function rewriteWithRecomputedHashes(db: Database.Database, position: number, data: unknown): void {
  const rows = db.prepare("SELECT * FROM events ORDER BY position").all();
  const heads = new Map<string, string>();
  const update = db.prepare("UPDATE events SET data = ?, metadata = ?, hash = ? WHERE position = ?");
  for (const row of rows as unknown as Array<Record<string, unknown>>) {
    const metadata = { ...(JSON.parse(row.metadata as string) as Record<string, unknown>) };
    const streamId = row.stream_id as string;
    metadata.prevHash = heads.get(streamId) ?? GENESIS_HASH;
    const envelope = {
      eventId: row.event_id as string,
      type: row.type as string,
      schemaVersion: row.schema_version as number,
      streamId,
      revision: row.revision as number,
      position: row.position as number,
      recordedAt: row.recorded_at as string,
      data: row.position === position ? data : (JSON.parse(row.data as string) as unknown),
      metadata: { ...metadata, hash: "" },
    } as RecordedEvent;
    const hash = hashEnvelope(withoutHash(envelope));
    heads.set(streamId, hash);
    update.run(canonicalJson(envelope.data), canonicalJson(metadata), hash, row.position);
  }
}

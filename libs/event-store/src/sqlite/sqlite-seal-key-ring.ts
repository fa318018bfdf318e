import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import Database from "better-sqlite3";
import { Effect } from "effect";
import { StoreUnavailable } from "../port/errors.js";
import { type SealPublicJwk, type SealSigningKey, publicJwk, sealKeyId } from "../seals/seal-keys.js";
import type { SealKeyRingService } from "../seals/seal-store.js";

interface KeyRow {
  readonly key_id: string;
  readonly private_key: string;
}

/**
 * The Ed25519 private keys that sign seals, in a SQLite file beside the person keys
 * (MANDAT_SEAL_KEYS_PATH, created readable by its owner only). Opened on first use: a
 * process that only verifies never touches it, and needs no private key.
 */
export class SqliteSealKeyRing implements SealKeyRingService {
  private opened: Database.Database | undefined;

  constructor(private readonly path: string) {}

  current = attempt(() => {
    if (!this.newest()) this.create();
    const key = signingKey(this.newest()!);
    return { key, publicJwk: publicJwk(createPublicKey(key.privateKey)) };
  });

  rotate = attempt(() => this.create());

  close(): void {
    this.opened?.close();
  }

  private db(): Database.Database {
    if (this.opened) return this.opened;
    if (this.path !== ":memory:") {
      mkdirSync(dirname(this.path), { recursive: true });
      // Private keys: the file is created readable by its owner only, before SQLite opens it.
      if (!existsSync(this.path)) closeSync(openSync(this.path, "a", 0o600));
    }
    const db = new Database(this.path);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 5000");
    db.exec(
      "CREATE TABLE IF NOT EXISTS seal_keys (key_id TEXT PRIMARY KEY, private_key TEXT NOT NULL, created INTEGER NOT NULL) STRICT",
    );
    this.opened = db;
    return db;
  }

  private newest(): KeyRow | undefined {
    return this.db()
      .prepare<[], KeyRow>("SELECT key_id, private_key FROM seal_keys ORDER BY created DESC, rowid DESC LIMIT 1")
      .get();
  }

  private create(): SealPublicJwk {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    this.db()
      .prepare("INSERT INTO seal_keys (key_id, private_key, created) VALUES (?, ?, ?)")
      .run(sealKeyId(publicKey), pem, Date.now());
    return publicJwk(publicKey);
  }
}

const signingKey = (row: KeyRow): SealSigningKey => {
  const privateKey = createPrivateKey(row.private_key);
  // The id is the public key's thumbprint: recomputed, so a row cannot name another key.
  return { keyId: sealKeyId(createPublicKey(privateKey)), privateKey };
};

const attempt = <A>(work: () => A): Effect.Effect<A, StoreUnavailable> =>
  Effect.try({
    try: work,
    catch: (cause) =>
      new StoreUnavailable({ reason: `seal keys: ${cause instanceof Error ? cause.message : String(cause)}`, cause }),
  });

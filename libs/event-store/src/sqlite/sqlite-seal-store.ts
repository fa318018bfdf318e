import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Effect, type Scope } from "effect";
import { StoreUnavailable } from "../port/errors.js";
import type { Seal } from "../seals/seal.js";
import type { SealKeySet, SealPublicJwk } from "../seals/seal-keys.js";
import type { SealStoreService } from "../seals/seal-store.js";
import { type FileAccess, openSqliteForReading } from "./open-for-reading.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS seals (
  id          INTEGER PRIMARY KEY,
  event_count INTEGER NOT NULL,
  seal        TEXT    NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS seals_by_count ON seals (event_count, id);
CREATE TABLE IF NOT EXISTS seal_public_keys (
  key_id TEXT PRIMARY KEY,
  jwk    TEXT NOT NULL,
  added  INTEGER NOT NULL
) STRICT;
`;

/**
 * Seals and the seal keys' public halves in a SQLite file of their own (MANDAT_SEALS_PATH):
 * writing a seal never takes the event log's write lock, so sealing never holds an append
 * back. Every engine keeps its seals here, EventStoreDB included (docs/api.md "Seals").
 */
export class SqliteSealStore implements SealStoreService {
  private readonly statements;

  private constructor(
    private readonly db: Database.Database,
    access: FileAccess,
  ) {
    db.pragma("busy_timeout = 5000");
    if (access === "read-write") {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = FULL");
      db.exec(SCHEMA);
    }
    this.statements = {
      add: db.prepare("INSERT INTO seals (event_count, seal) VALUES (?, ?)"),
      all: db.prepare<[], { seal: string }>("SELECT seal FROM seals ORDER BY event_count, id"),
      latest: db.prepare<[], { seal: string }>("SELECT seal FROM seals ORDER BY event_count DESC, id DESC LIMIT 1"),
      keys: db.prepare<[], { jwk: string }>("SELECT jwk FROM seal_public_keys ORDER BY added, key_id"),
      addKey: db.prepare("INSERT OR IGNORE INTO seal_public_keys (key_id, jwk, added) VALUES (?, ?, ?)"),
      version: db.prepare<[], { seals: number; keys: number }>(
        "SELECT (SELECT count(*) FROM seals) AS seals, (SELECT count(*) FROM seal_public_keys) AS keys",
      ),
    };
  }

  static open(path: string): SqliteSealStore {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    return new SqliteSealStore(new Database(path), "read-write");
  }

  /**
   * The seals as they are, changing nothing (openSqliteForReading); a log never sealed has
   * no file of seals, and reads as one without any.
   */
  static openForReading(path: string): SqliteSealStore {
    return existsSync(path) ? new SqliteSealStore(openSqliteForReading(path), "read-only") : SqliteSealStore.open(":memory:");
  }

  static acquire(path: string, access: FileAccess = "read-write"): Effect.Effect<SqliteSealStore, StoreUnavailable, Scope.Scope> {
    return Effect.acquireRelease(
      attempt(() => (access === "read-write" ? SqliteSealStore.open(path) : SqliteSealStore.openForReading(path))),
      (store) => Effect.sync(() => store.close()),
    );
  }

  add = (seal: Seal) => attempt(() => void this.statements.add.run(seal.eventCount, JSON.stringify(seal)));

  all = attempt(() => this.statements.all.all().map((row) => JSON.parse(row.seal) as Seal));

  latest = attempt(() => {
    const row = this.statements.latest.get();
    return row && (JSON.parse(row.seal) as Seal);
  });

  publicKeys = attempt((): SealKeySet => ({
    keys: this.statements.keys.all().map((row) => JSON.parse(row.jwk) as SealPublicJwk),
  }));

  addPublicKey = (jwk: SealPublicJwk) => attempt(() => void this.statements.addKey.run(jwk.kid, JSON.stringify(jwk), Date.now()));

  version = attempt(() => {
    const { seals, keys } = this.statements.version.get()!;
    return `${seals}:${keys}`;
  });

  close(): void {
    this.db.close();
  }
}

const attempt = <A>(work: () => A): Effect.Effect<A, StoreUnavailable> =>
  Effect.try({
    try: work,
    catch: (cause) =>
      new StoreUnavailable({ reason: `seal store: ${cause instanceof Error ? cause.message : String(cause)}`, cause }),
  });

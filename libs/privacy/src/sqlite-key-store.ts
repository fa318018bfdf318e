import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Effect, Layer } from "effect";
import { KeyStore, type KeyStoreService, KeyStoreUnavailable } from "./key-store.js";
import { newPersonKey } from "./personal-data-cipher.js";

/**
 * Person keys in their own SQLite file beside the event log. secure_delete overwrites a
 * deleted key's bytes, and the checkpoint after an erasure keeps no copy in the WAL.
 */
export class SqliteKeyStore implements KeyStoreService {
  private readonly statements;

  private constructor(private readonly db: Database.Database) {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("secure_delete = ON");
    db.pragma("busy_timeout = 5000");
    db.exec("CREATE TABLE IF NOT EXISTS person_keys (person_id TEXT PRIMARY KEY, key BLOB NOT NULL) STRICT");
    this.statements = {
      find: db.prepare<[string], { key: Buffer }>("SELECT key FROM person_keys WHERE person_id = ?"),
      insert: db.prepare("INSERT OR IGNORE INTO person_keys (person_id, key) VALUES (?, ?)"),
      erase: db.prepare("DELETE FROM person_keys WHERE person_id = ?"),
    };
  }

  static open(path: string): SqliteKeyStore {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    return new SqliteKeyStore(new Database(path));
  }

  static layer(path: string): Layer.Layer<KeyStore, KeyStoreUnavailable> {
    return Layer.scoped(
      KeyStore,
      Effect.acquireRelease(
        Effect.try({ try: () => SqliteKeyStore.open(path), catch: unavailable }),
        (store) => Effect.sync(() => store.close()),
      ),
    );
  }

  keyFor = (personId: string) =>
    Effect.try({
      try: () => {
        this.statements.insert.run(personId, newPersonKey());
        return this.statements.find.get(personId)!.key;
      },
      catch: unavailable,
    });

  find = (personId: string) =>
    Effect.try({ try: () => this.statements.find.get(personId)?.key, catch: unavailable });

  erase = (personId: string) =>
    Effect.try({
      try: () => {
        this.statements.erase.run(personId);
        this.db.pragma("wal_checkpoint(TRUNCATE)");
      },
      catch: unavailable,
    });

  close(): void {
    this.db.close();
  }
}

const unavailable = (cause: unknown) =>
  new KeyStoreUnavailable({ reason: cause instanceof Error ? cause.message : String(cause) });

import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Effect, Layer, Schedule } from "effect";
import { KeyStore, type KeyStoreService, KeyStoreUnavailable } from "./key-store.js";

const BUSY_TIMEOUT = "busy_timeout = 5000";

/** What `PRAGMA wal_checkpoint` answers: whether it was held back, WAL frames, frames written back. */
interface CheckpointRow {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/** Readers of the key store are single statements, so the log is free again within moments. */
const checkpointRetrySchedule = Schedule.exponential("5 millis").pipe(Schedule.jittered, Schedule.intersect(Schedule.recurs(8)));

/**
 * Person keys in their own SQLite file beside the event log. secure_delete overwrites a
 * deleted key's bytes, and the checkpoint after an erasure writes that page back into the
 * file and empties the WAL, so no copy of the key stays behind.
 */
export class SqliteKeyStore implements KeyStoreService {
  private readonly statements;

  private constructor(
    private readonly db: Database.Database,
    access: "read-write" | "read-only",
  ) {
    db.pragma(BUSY_TIMEOUT);
    if (access === "read-write") {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = FULL");
      db.pragma("secure_delete = ON");
      db.exec("CREATE TABLE IF NOT EXISTS person_keys (person_id TEXT PRIMARY KEY, key BLOB NOT NULL) STRICT");
    }
    this.statements = {
      find: db.prepare<[string], { key: Buffer }>("SELECT key FROM person_keys WHERE person_id = ?"),
      // Replacing: a registration decided again after a conflict stores the key of the attempt that is appended.
      store: db.prepare("INSERT OR REPLACE INTO person_keys (person_id, key) VALUES (?, ?)"),
      erase: db.prepare("DELETE FROM person_keys WHERE person_id = ?"),
    };
  }

  static open(path: string): SqliteKeyStore {
    if (path !== ":memory:") {
      mkdirSync(dirname(path), { recursive: true });
      keepPrivate(path);
    }
    return new SqliteKeyStore(new Database(path), "read-write");
  }

  static layer(path: string): Layer.Layer<KeyStore, KeyStoreUnavailable> {
    return scopedLayer(() => SqliteKeyStore.open(path));
  }

  /**
   * The keys as they are, for a tool that only reads them (`mandat history`), opened when a
   * name is first to be opened: `mandat verify` and `export` never open one, so they run for
   * an auditor who may not read the keys. `open` gives the file opened so that nothing in it
   * changes, or nothing where no key was ever kept; then no name can be opened, and no file
   * is created. Keeping and erasing keys fail as SQLite refuses to write.
   */
  static readingLayer(open: () => Database.Database | undefined): Layer.Layer<KeyStore> {
    return Layer.scoped(
      KeyStore,
      Effect.acquireRelease(
        Effect.sync(() => new KeysOpenedOnFirstUse(() => SqliteKeyStore.forReading(open()))),
        (keys) => Effect.sync(() => keys.close()),
      ),
    );
  }

  /** The keys in `db`, opened for reading; none (and every write refused) where there is no file. */
  private static forReading(db: Database.Database | undefined): SqliteKeyStore {
    if (db === undefined) {
      const none = SqliteKeyStore.open(":memory:");
      none.db.pragma("query_only = ON");
      return none;
    }
    try {
      return new SqliteKeyStore(db, "read-only");
    } catch (error) {
      db.close();
      throw error;
    }
  }

  store = (personId: string, key: Buffer) =>
    Effect.try({ try: () => void this.statements.store.run(personId, key), catch: unavailable });

  find = (personId: string) => Effect.try({ try: () => this.statements.find.get(personId)?.key, catch: unavailable });

  /**
   * Until a checkpoint has written the overwritten page back and emptied the WAL, older
   * copies of it (with the key) are still on disk. Another connection reading the file,
   * such as a second API instance, holds the checkpoint back: then try again shortly, and
   * fail rather than call the person erased while a copy remains.
   */
  erase = (personId: string) =>
    Effect.try({ try: () => this.statements.erase.run(personId), catch: unavailable }).pipe(
      Effect.zipRight(Effect.retry(this.checkpoint(), checkpointRetrySchedule)),
    );

  close(): void {
    this.db.close();
  }

  private checkpoint(): Effect.Effect<void, KeyStoreUnavailable> {
    return Effect.flatMap(Effect.try({ try: () => this.truncateWal(), catch: unavailable }), ({ busy, log, checkpointed }) =>
      busy === 0 && log === checkpointed
        ? Effect.void
        : Effect.fail(
            unavailable(`another connection holds the key store's log back (${checkpointed} of ${log} WAL frames written back)`),
          ),
    );
  }

  private truncateWal(): CheckpointRow {
    // Without the busy handler: it would block the event loop while it waits for the other
    // connection; the retry schedule waits instead.
    this.db.pragma("busy_timeout = 0");
    try {
      return (this.db.pragma("wal_checkpoint(TRUNCATE)") as CheckpointRow[])[0]!;
    } finally {
      this.db.pragma(BUSY_TIMEOUT);
    }
  }
}

/** A key store opened at its first use, and a failure to open it that use's failure. */
class KeysOpenedOnFirstUse implements KeyStoreService {
  private opened: SqliteKeyStore | undefined;

  constructor(private readonly open: () => SqliteKeyStore) {}

  private readonly keys = Effect.suspend(() =>
    this.opened ? Effect.succeed(this.opened) : Effect.try({ try: () => (this.opened = this.open()), catch: unavailable }),
  );

  store = (personId: string, key: Buffer) => Effect.flatMap(this.keys, (keys) => keys.store(personId, key));

  find = (personId: string) => Effect.flatMap(this.keys, (keys) => keys.find(personId));

  erase = (personId: string) => Effect.flatMap(this.keys, (keys) => keys.erase(personId));

  close(): void {
    this.opened?.close();
  }
}

const scopedLayer = (open: () => SqliteKeyStore): Layer.Layer<KeyStore, KeyStoreUnavailable> =>
  Layer.scoped(
    KeyStore,
    Effect.acquireRelease(Effect.try({ try: open, catch: unavailable }), (store) => Effect.sync(() => store.close())),
  );

const unavailable = (cause: unknown) =>
  new KeyStoreUnavailable({ reason: cause instanceof Error ? cause.message : String(cause) });

/**
 * The keys open every name and e-mail address: the file is readable by its owner only,
 * created so before SQLite opens it (SQLite gives its -wal and -shm files the same mode),
 * and tightened if an earlier version created it, or them, readable by all.
 */
function keepPrivate(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, "a", 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

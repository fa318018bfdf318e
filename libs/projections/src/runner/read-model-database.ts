import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Effect, type Scope } from "effect";

/**
 * The local read-model database. Read models are rebuildable from the log, so commits
 * use synchronous=NORMAL: a power cut may lose the last batches, never their
 * consistency, since rows and checkpoints commit together.
 */
export function openReadModelDatabase(path: string, options: { readonly readonly?: boolean } = {}): Database.Database {
  if (path !== ":memory:" && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma("busy_timeout = 5000");
  if (!options.readonly) {
    // 8 KB pages rather than SQLite's 4 KB: a rebuild writes every page of every table, and
    // was about 4% faster with half as many (issue 16); reads of a row or a range were as quick.
    // It takes only on a new database, before its first table: an older one keeps its pages
    // until it is deleted and rebuilt.
    db.pragma(`page_size = ${READ_MODEL_PAGE_SIZE}`);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("cache_size = -32000");
  }
  return db;
}

export const READ_MODEL_PAGE_SIZE = 8_192;

/** The read-model database for the life of a scope: closed when the scope closes, however it ends. */
export const acquireReadModelDatabase = (
  path: string,
  options: { readonly readonly?: boolean } = {},
): Effect.Effect<Database.Database, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.sync(() => openReadModelDatabase(path, options)),
    (db) => Effect.sync(() => db.close()),
  );

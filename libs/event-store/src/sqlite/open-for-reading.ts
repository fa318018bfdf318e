import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";

// SQLite reads a name starting with "file:" as a URI only if told so before better-sqlite3
// loads its addon, which it does at the first `new Database`. The immutable open below needs
// it; Mandat's own paths are absolute, so none of them is taken for a URI by mistake.
process.env.SQLITE_USE_URI ??= "1";

/** Whether a process may change a SQLite file it opens: the tools that only read it may not. */
export type FileAccess = "read-write" | "read-only";

/**
 * Opens a SQLite file of Mandat's (the log, the seals, the person keys) so that nothing in
 * it or beside it changes: what `mandat verify`, `export` and `history` read, and what
 * `mandat backup` copies from. An auditor may be given read access alone, to a backup or to
 * the server's own folder, and checks that a backup verifies without changing its bytes.
 *
 * A file in WAL mode is read through a `-shm` index, which SQLite creates beside it when it
 * is missing (in a folder this process may write, leaving it and an empty `-wal` behind; in
 * one it may not, failing). A file without a `-wal` was closed cleanly and holds every
 * commit in itself, so it is read as immutable: without the index and without locks. A
 * `-wal` means a writer has it open (or stopped without closing it): then it is read through
 * that writer's index, as it changes. (A writer that opens the file during the read is not
 * seen: the read is of the file as it was.)
 */
export function openSqliteForReading(path: string): Database.Database {
  const walBeside = existsSync(`${path}-wal`);
  const db = walBeside ? new Database(path, READ_ONLY) : openImmutable(path);
  try {
    // The first read opens the WAL index; the open succeeds either way.
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
    return db;
  } catch (error) {
    db.close();
    throw new Error(
      walBeside
        ? `cannot read ${path} beside its ${path}-wal: ${(error as Error).message} (a process has it open, or stopped without closing it: read a copy made by mandat backup)`
        : `cannot read ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

const READ_ONLY = { readonly: true, fileMustExist: true } as const;

/**
 * The file as immutable, by URI. Where URIs were not turned on in time (a process that
 * opened a database before loading this module), the file does not open by that name, and
 * is opened as any read-only file: its folder must then be writable, and keeps the index.
 */
function openImmutable(path: string): Database.Database {
  try {
    return new Database(`${pathToFileURL(path).href}?immutable=1`, READ_ONLY);
  } catch {
    return new Database(path, READ_ONLY);
  }
}

import { accessSync, constants, existsSync, realpathSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";

// SQLite reads a name starting with "file:" as a URI only if told so before better-sqlite3
// loads its addon, which it does at the first `new Database` (it acts on "1" alone). The
// immutable open below needs it; Mandat's own paths are absolute, so none of them is taken
// for a URI by mistake.
if (process.env.SQLITE_USE_URI !== "1") process.env.SQLITE_USE_URI = "1";

/** Whether a process may change a SQLite file it opens: the tools that only read it may not. */
export type FileAccess = "read-write" | "read-only";

/** What a reader finds beside a database file, and whether the files SQLite would make there would be its owner's. */
export interface BesideTheFile {
  /** A `-wal`: a writer has the file open, or stopped without closing it. */
  readonly wal: "none" | "empty" | "holding-commits";
  readonly shm: boolean;
  /** This process is root or owns the file: an index SQLite makes is the file owner's. */
  readonly asOwner: boolean;
}

/**
 * How to read a file without changing it, or making anything its writer cannot use:
 * - `shared`: read-only, through the `-wal` and `-shm` index shared (with their locks) with a
 *   writer that has it open or opens it meanwhile. SQLite makes the index if it is missing,
 *   which is harmless only where it is the file owner's: made by the owner, or by root (SQLite
 *   gives it to the owner). Made by another user (an auditor in the server's group), it would
 *   keep the server from writing.
 * - `immutable`: the file alone, without index or locks, where that holds every commit (no
 *   `-wal`, or an empty one). A writer that opens the file during such a read is not seen, and
 *   its checkpoint may change pages under the read: a verify that fails so is run again.
 * - `refuse`: commits in a `-wal` that only an index can read, and no index another user could
 *   share: left by a server that stopped without closing the file.
 */
export function howToRead({ wal, shm, asOwner }: BesideTheFile): "shared" | "immutable" | "refuse" {
  if (asOwner || (shm && wal !== "none")) return "shared";
  return wal === "holding-commits" ? "refuse" : "immutable";
}

/**
 * Opens a SQLite file of Mandat's (the log, the seals, the person keys) without changing it:
 * what `mandat verify`, `export` and `history` read, and what `mandat backup` copies from,
 * also for an auditor with read access alone (howToRead). A symbolic link is followed first:
 * SQLite keeps the `-wal` and `-shm` beside the file itself.
 */
export function openSqliteForReading(path: string): Database.Database {
  const file = realFile(path);
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    throw new Error(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : "this user may not read it"}`,
      {
        cause: error,
      },
    );
  }
  const beside = besideTheFile(file);
  const how = howToRead(beside);
  if (how === "refuse") {
    throw new Error(
      `cannot read ${path} as it is: the server stopped without closing it, and its last commits are in ${path}-wal, ` +
        "which only the file's owner can read (SQLite must build an index beside it). Start and stop the server once, or read it as its owner",
    );
  }
  try {
    const db = how === "shared" ? new Database(file, READ_ONLY) : openImmutable(file);
    try {
      // The first read opens the WAL index; the open succeeds either way.
      db.prepare("SELECT count(*) FROM sqlite_schema").get();
      return db;
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

function besideTheFile(file: string): BesideTheFile {
  const walSize = sizeOf(`${file}-wal`);
  const uid = process.getuid?.();
  return {
    wal: walSize === undefined ? "none" : walSize === 0 ? "empty" : "holding-commits",
    shm: existsSync(`${file}-shm`),
    asOwner: uid === undefined || uid === 0 || statSync(file).uid === uid,
  };
}

const sizeOf = (path: string): number | undefined => {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
};

/** The file a path names, links followed; the path itself where there is no file (SQLite then says so). */
function realFile(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const READ_ONLY = { readonly: true, fileMustExist: true } as const;

/**
 * The file as immutable, by URI. Where URIs were not turned on in time (a process that
 * opened a database before loading this module), the file does not open by that name, and
 * is opened as any read-only file (which makes the index where it may).
 */
function openImmutable(path: string): Database.Database {
  try {
    return new Database(`${pathToFileURL(path).href}?immutable=1`, READ_ONLY);
  } catch {
    return new Database(path, READ_ONLY);
  }
}

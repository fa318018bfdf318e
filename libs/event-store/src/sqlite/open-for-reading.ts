import { accessSync, constants, existsSync, realpathSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";

// SQLite reads a name starting with "file:" as a URI only if told so before better-sqlite3
// loads its addon, which it does at the first `new Database` (it acts on "1" alone). The
// immutable open below needs it; Mandat's own paths are absolute, so none of them is taken
// for a URI by mistake.
if (process.env.SQLITE_USE_URI !== "1") process.env.SQLITE_USE_URI = "1";

/** Whether a process may change a SQLite file it opens: the tools that only read it may not. */
export type FileAccess = "read-write" | "read-only";

/**
 * Opens a SQLite file of Mandat's (the log, the seals, the person keys) without changing it:
 * what `mandat verify`, `export` and `history` read, and what `mandat backup` copies from.
 * An auditor may be given read access alone, to a backup or to the server's own folder.
 *
 * SQLite reads a file in WAL mode through a `-shm` index beside it, and creates the index
 * (and an empty `-wal`) when they are missing; it shares them, and its locks, with a writer
 * that has the file open or opens it meanwhile. So wherever this process may write in the
 * folder, the file is opened so: read-only, never changed, though those two files may be
 * left beside it. In a folder it may not write, a file without a `-wal` (closed cleanly, every
 * commit in the file itself) is read as immutable, without the index or locks: the only way
 * to read it there. A writer that opens it during such a read is not seen by it. A `-wal`
 * in such a folder is read through the index its writer keeps, where SQLite can. A symbolic
 * link is followed first: SQLite keeps the `-wal` and `-shm` beside the file itself.
 */
export function openSqliteForReading(path: string): Database.Database {
  const file = realFile(path);
  const walBeside = existsSync(`${file}-wal`);
  const db = walBeside || mayWriteIn(dirname(file)) ? new Database(file, READ_ONLY) : openImmutable(file);
  try {
    // The first read opens the WAL index; the open succeeds either way.
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
    return db;
  } catch (error) {
    db.close();
    throw new Error(
      walBeside
        ? `cannot read ${path}, which was not closed cleanly (its -wal holds commits, read through a -shm index): ${(error as Error).message}. ` +
            "Read it as a user who may write in its folder, or start and stop the server once, which closes it"
        : `cannot read ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function mayWriteIn(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

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
 * is opened as any read-only file: its folder must then be writable, and keeps the index.
 */
function openImmutable(path: string): Database.Database {
  try {
    return new Database(`${pathToFileURL(path).href}?immutable=1`, READ_ONLY);
  } catch {
    return new Database(path, READ_ONLY);
  }
}

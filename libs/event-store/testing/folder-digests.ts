import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** SQLite's index and log beside a database in WAL mode: `-wal`, `-shm`. */
export const isSqliteIndex = (file: string): boolean => /-(wal|shm)$/.test(file);

/**
 * Each file in a folder, by name, with a SHA-256 of its bytes (`"mandat.sqlite 3f…"`): what a
 * test compares before and after a tool that must change nothing there.
 */
export const folderDigests = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .map(
      (file) =>
        `${file} ${createHash("sha256")
          .update(readFileSync(join(dir, file)))
          .digest("hex")}`,
    );

import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { MandatConfig } from "#platform";
import Database from "better-sqlite3";
import { cliConfig } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/**
 * The files a backup holds, in the order they are copied: the log first, so that the
 * person keys, copied after it, hold every key its events were sealed with (a key is stored
 * before its registration is appended); a person erased in between is erased in the copy too.
 * The read models are left out: they are built again from the log.
 */
const FILES: ReadonlyArray<{ what: string; path: (config: MandatConfig) => string | undefined; secret: boolean }> = [
  { what: "the event log", path: (config) => embeddedLog(config), secret: false },
  { what: "the seals", path: (config) => config.seals.sealsPath, secret: false },
  { what: "the person keys", path: (config) => config.keysPath, secret: true },
  { what: "the seal keys", path: (config) => config.seals.keysPath, secret: true },
];

const embeddedLog = (config: MandatConfig): string | undefined =>
  config.store.engine === "sqlite" ? config.store.path : undefined;

/**
 * `mandat backup --output <folder>`: a consistent copy of each of Mandat's files, taken
 * with SQLite's online backup while the server runs (a plain file copy of a log in WAL mode
 * may hold none of its latest events: they are in the -wal file). Into a new folder,
 * readable by its owner only, as the keys in it must be. With EventStoreDB the log is the
 * cluster's to back up; the keys and seals are copied here all the same.
 */
export async function backup(options: { readonly output?: string }): Promise<ExitCode> {
  if (!options.output) throw new CliError(EXIT.usage, "mandat backup needs --output <folder>, a folder that does not exist yet");
  const config = cliConfig();
  const log = embeddedLog(config);
  if (log !== undefined && !existsSync(log)) {
    throw new CliError(EXIT.noInput, `No event log at ${log} (set MANDAT_SQLITE_PATH to the server's log)`);
  }
  if (existsSync(options.output)) throw new CliError(EXIT.cannotCreate, `${options.output} exists: back up into a new folder`);
  try {
    mkdirSync(options.output, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CliError(EXIT.cannotCreate, `Cannot create ${options.output}: ${(error as Error).message}`);
  }
  for (const file of FILES) {
    const source = file.path(config);
    if (source === undefined) {
      console.error("The event log is in EventStoreDB: back it up with EventStoreDB's own tools");
      continue;
    }
    if (!existsSync(source)) {
      console.error(`No ${file.what} at ${source}: nothing to copy`);
      continue;
    }
    const target = join(options.output, basename(source));
    await copyDatabase(source, target, file.what, file.secret);
  }
  console.error(`Backed up into ${options.output}; restore: docs/records-and-retention.md "Backup and restore"`);
  return EXIT.ok;
}

/** SQLite's online backup of one database, a page range at a time, its progress on stderr. */
async function copyDatabase(source: string, target: string, what: string, secret: boolean): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        process.stderr.write(`\r  ${what}: ${totalPages - remainingPages} of ${totalPages} pages`);
        // Pages per step: large enough to be quick, small enough to let the server's writes in between.
        return 1_000;
      },
    });
    process.stderr.write(`\r  ${what}: ${target}\n`);
  } finally {
    db.close();
  }
  // The copy is a database of its own, without -wal or -shm; the keys stay their owner's.
  if (secret) chmodSync(target, 0o600);
}

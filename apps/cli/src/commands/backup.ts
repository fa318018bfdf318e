import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { MandatConfig } from "#platform";
import { openSqliteForReading } from "#event-store/sqlite";
import { cliConfig } from "../cli-context.js";
import { CliError, EXIT, type ExitCode } from "../exit-codes.js";

/**
 * The files a backup holds, under fixed names (two configured files may share a name), in the
 * order they are copied:
 * - the seals before the log: a seal covers events already in the log, so the log copied
 *   after it holds every event its seals count (the other way round, a seal made between
 *   the two copies would count events the copied log lacks, and call it truncated);
 * - the person keys after the log: a key is stored before its registration is appended, so
 *   they hold every key the copied events were sealed with (a person erased in between is
 *   erased in the copy too);
 * - the seal keys after the seals: keys are never deleted, so every copied seal's key is there.
 * The read models are left out: they are built again from the log.
 */
const FILES: ReadonlyArray<{
  readonly what: string;
  readonly name: string;
  readonly path: (config: MandatConfig) => string | undefined;
  readonly secret: boolean;
}> = [
  { what: "the seals", name: "seals.sqlite", path: (config) => config.seals.sealsPath, secret: false },
  { what: "the event log", name: "mandat.sqlite", path: (config) => embeddedLog(config), secret: false },
  { what: "the person keys", name: "keys.sqlite", path: (config) => config.keysPath, secret: true },
  { what: "the seal keys", name: "seal-keys.sqlite", path: (config) => config.seals.keysPath, secret: true },
];

const embeddedLog = (config: MandatConfig): string | undefined =>
  config.store.engine === "sqlite" ? config.store.path : undefined;

/** SQLite's backup copies everything in one step: in steps, every write of the server between two would start it over. */
const ALL_PAGES = 0x7fffffff;

/**
 * `mandat backup --output <folder>`: a consistent copy of each of Mandat's files, taken
 * with SQLite's online backup while the server runs (a plain file copy of a log in WAL mode
 * may hold none of its latest events: they are in the -wal file). Into a new folder,
 * readable by its owner only, as the keys in it must be; written under another name and
 * renamed once whole, so that a folder named as asked is always a whole backup. With
 * EventStoreDB the log is the cluster's to back up; the keys and seals are copied here all
 * the same.
 */
export async function backup(options: { readonly output?: string }): Promise<ExitCode> {
  if (!options.output) throw new CliError(EXIT.usage, "mandat backup needs --output <folder>, a folder that does not exist yet");
  const config = cliConfig();
  const log = embeddedLog(config);
  if (log !== undefined && !existsSync(log)) {
    throw new CliError(EXIT.noInput, `No event log at ${log} (set MANDAT_SQLITE_PATH to the server's log)`);
  }
  if (existsSync(options.output)) throw new CliError(EXIT.cannotCreate, `${options.output} exists: back up into a new folder`);
  const partial = `${options.output}.partial`;
  try {
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CliError(EXIT.cannotCreate, `Cannot create ${partial}: ${(error as Error).message}`);
  }
  try {
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
      await copyDatabase(source, join(partial, file.name), file.what, file.secret);
      console.error(`  ${file.what}: ${join(options.output, file.name)}`);
    }
    renameSync(partial, options.output);
  } catch (error) {
    // Nothing half-written stays to be mistaken for a backup.
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  console.error(`Backed up into ${options.output}; restore: docs/records-and-retention.md "Backup and restore"`);
  return EXIT.ok;
}

/** SQLite's online backup of one database into `target`, which a secret's copy holds readable by its owner only from the start. */
async function copyDatabase(source: string, target: string, what: string, secret: boolean): Promise<void> {
  if (secret) closeSync(openSync(target, "w", 0o600));
  // Read as verify reads: a backup may be taken by a user who may only read the server's folder.
  let db: ReturnType<typeof openSqliteForReading>;
  try {
    db = openSqliteForReading(source);
  } catch (error) {
    // The source cannot be read: unavailable (69), as to verify; nothing was created yet.
    throw new CliError(EXIT.unavailable, `Cannot read ${what}: ${(error as Error).message}`);
  }
  try {
    await db.backup(target, { progress: () => ALL_PAGES });
  } catch (error) {
    throw new CliError(EXIT.cannotCreate, `Cannot copy ${what} from ${source}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

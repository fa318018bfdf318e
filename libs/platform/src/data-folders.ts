import { randomUUID } from "node:crypto";
import { closeSync, lstatSync, mkdirSync, openSync, readlinkSync, statSync, unlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError, type MandatConfig } from "./config.js";
import { GENERATED_SECRET_FILE } from "./jwt-secret.js";

/** A file Mandat writes, with the variable (and its value) that places it. */
interface DataFile {
  readonly variable: string;
  readonly value: string;
  readonly path: string;
  /** What the file is, where the variable names another file beside it. */
  readonly what?: string;
  /** Only read once it is there (written when missing): the generated secret. */
  readonly readOnce?: boolean;
}

/** The files a server (or a command line tool that writes) creates or changes, each named by its variable. */
export const dataFiles = (config: MandatConfig): ReadonlyArray<DataFile> => {
  const own = (variable: string, path: string): DataFile => ({ variable, value: path, path });
  return [
    ...(config.store.engine === "sqlite" ? [own("MANDAT_SQLITE_PATH", config.store.path)] : []),
    own("MANDAT_READ_MODELS_PATH", config.readModelsPath),
    own("MANDAT_KEYS_PATH", config.keysPath),
    own("MANDAT_SEALS_PATH", config.seals.sealsPath),
    own("MANDAT_SEAL_KEYS_PATH", config.seals.keysPath),
    ...(config.auth.mode === "hs256" && config.auth.secret === undefined
      ? [
          {
            variable: "MANDAT_SQLITE_PATH",
            value: config.embeddedLogPath,
            path: join(config.dataDirectory, GENERATED_SECRET_FILE),
            what: "the generated sign-in secret",
            readOnce: true,
          },
        ]
      : []),
  ];
};

/**
 * Creates the folder of every file Mandat writes, and checks that it can write there, before
 * anything is opened or created: a path it cannot use is a ConfigError naming the variable
 * that set it (exit 78), where SQLite or Node would name only the path, and no file is left
 * behind by a start that is refused. Writing is tried, not judged from permissions: root may
 * write where the permissions say no, and not in /proc or on a read-only disk. Folders are
 * made one level at a time: Node's recursive mkdir never returns for some paths (/proc).
 */
export function prepareDataFolders(config: MandatConfig): void {
  const writable = new Set<string>();
  for (const { variable, value, path: named, what, readOnce } of dataFiles(config)) {
    // SQLite writes beside the file a link names, not beside the link.
    const path = linkedFile(named);
    const folder = dirname(path);
    const problem =
      createFolder(folder) ??
      (writable.has(folder) ? undefined : cannotCreateIn(folder)) ??
      cannotUse(path, readOnce ? "r" : "r+");
    if (problem) throw new ConfigError({ reason: `${variable}=${value}: ${what ? `${what}, ${path}: ` : ""}${problem}` });
    writable.add(folder);
  }
}

/** Makes `folder` and any missing parent; what stood in the way, or undefined once it is there. */
function createFolder(folder: string): string | undefined {
  const missing: string[] = [];
  let existing = folder;
  for (; kindOf(existing) === undefined; existing = dirname(existing)) missing.unshift(existing);
  if (kindOf(existing) !== "folder") return `cannot create the folder ${folder}: ${existing} is not a folder`;
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      return `cannot create the folder ${level}: ${reason(error)}`;
    }
  }
  return undefined;
}

/** Whether a new file can be made in `folder`: one of a name no other process uses is made and removed again. */
function cannotCreateIn(folder: string): string | undefined {
  const probe = join(folder, `.mandat-write-check-${randomUUID()}`);
  let made = false;
  try {
    closeSync(openSync(probe, "wx"));
    made = true;
    return undefined;
  } catch (error) {
    return `cannot write in the folder ${folder}: ${reason(error)}`;
  } finally {
    if (made) unlinkSync(probe);
  }
}

/** Whether the file, if it is there, is a file this process may open as it must: to write (`r+`), or to read. */
function cannotUse(path: string, flags: "r+" | "r"): string | undefined {
  const kind = kindOf(path);
  if (kind === undefined) return undefined;
  if (kind !== "file") return `${path} is ${kind === "folder" ? "a folder" : "not a file (a device, a pipe or a socket)"}`;
  try {
    closeSync(openSync(path, flags));
    return undefined;
  } catch (error) {
    return `cannot ${flags === "r" ? "read" : "write"} the file ${path}: ${reason(error)}`;
  }
}

/** The file a symbolic link names (made where missing), or the path itself. */
function linkedFile(path: string): string {
  try {
    return resolve(dirname(path), readlinkSync(path));
  } catch {
    return path;
  }
}

/** What is at `path`, a link followed: a file, a folder, something else, or nothing. */
function kindOf(path: string): "file" | "folder" | "other" | undefined {
  try {
    const found = statSync(path);
    return found.isFile() ? "file" : found.isDirectory() ? "folder" : "other";
  } catch {
    // A link to nothing is something in the way all the same.
    try {
      lstatSync(path);
      return "other";
    } catch {
      return undefined;
    }
  }
}

/** The system's reason in words, with its code: `permission denied (EACCES)`. */
const reason = (error: unknown): string => {
  const { code, message } = error as NodeJS.ErrnoException;
  const words = /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
  return code ? `${words} (${code})` : words;
};

import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { ConfigError, type MandatConfig } from "./config.js";

/** A file Mandat writes, by the variable that places it. */
interface DataFile {
  readonly variable: string;
  readonly path: string;
}

/** The files a server (or a command line tool that writes) creates or changes, each named by its variable. */
export const dataFiles = (config: MandatConfig): ReadonlyArray<DataFile> => [
  ...(config.store.engine === "sqlite" ? [{ variable: "MANDAT_SQLITE_PATH", path: config.store.path }] : []),
  { variable: "MANDAT_READ_MODELS_PATH", path: config.readModelsPath },
  { variable: "MANDAT_KEYS_PATH", path: config.keysPath },
  { variable: "MANDAT_SEALS_PATH", path: config.seals.sealsPath },
  { variable: "MANDAT_SEAL_KEYS_PATH", path: config.seals.keysPath },
];

/**
 * Creates the folder of every file Mandat writes, and checks it may write there, before
 * anything opens: a path it cannot use is a ConfigError naming the variable that set it
 * (exit 78), where SQLite or Node would name only the path, or a folder that is in the way.
 * Folders are made one level at a time: Node's recursive mkdir never returns for some
 * paths (under /proc).
 */
export function prepareDataFolders(config: MandatConfig): void {
  for (const { variable, path } of dataFiles(config)) {
    const folder = dirname(path);
    const problem = createFolder(folder) ?? cannotWrite(path);
    if (problem) throw new ConfigError({ reason: `${variable}=${path}: ${problem}` });
  }
}

/** Makes `folder` and any missing parent; what stood in the way, or undefined once it is there. */
function createFolder(folder: string): string | undefined {
  const missing: string[] = [];
  let existing = folder;
  for (; !exists(existing); existing = dirname(existing)) missing.unshift(existing);
  if (!statSync(existing).isDirectory()) return `cannot create the folder ${folder}: ${existing} is a file`;
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      return `cannot create the folder ${level}: ${reason(error)}`;
    }
  }
  return undefined;
}

/** Whether this process may write the file where it is, or create it in its folder. */
function cannotWrite(path: string): string | undefined {
  const target = exists(path) ? path : dirname(path);
  try {
    accessSync(target, constants.W_OK);
    return undefined;
  } catch (error) {
    return `cannot write ${target === path ? "the file" : "in the folder"} ${target}: ${reason(error)}`;
  }
}

const exists = (path: string): boolean => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

/** The system's reason in words, with its code: `permission denied (EACCES)`. */
const reason = (error: unknown): string => {
  const { code, message } = error as NodeJS.ErrnoException;
  const words = /^[A-Z]+: ([^,]+)/.exec(message)?.[1] ?? message;
  return code ? `${words} (${code})` : words;
};

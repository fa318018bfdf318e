import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MandatConfig } from "./config.js";

/** The file in the data folder that keeps a generated HS256 secret. */
export const GENERATED_SECRET_FILE = "auth-secret";

/**
 * The HS256 secret: AUTH_JWT_SECRET when set; outside production, otherwise a random
 * secret generated once and kept (readable by the owner only) in the data folder, so
 * development tokens survive a restart. (loadConfig refuses production without an
 * explicit secret or OIDC, so a generated one never reaches production.)
 */
export function jwtSecret(config: MandatConfig): string {
  if (config.auth.mode !== "hs256") throw new Error("jwtSecret is only for HS256 mode");
  if (config.auth.secret) return config.auth.secret;
  const path = join(config.dataDirectory, GENERATED_SECRET_FILE);
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(config.dataDirectory, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  try {
    // "wx" creates the file or fails, so the mode always applies: there is no older file to chmod.
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // The server and `mandat token` starting together: the one that wrote first wins.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(path, "utf8").trim();
    throw error;
  }
  return secret;
}

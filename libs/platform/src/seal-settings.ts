import { dirname, join, resolve } from "node:path";
import type { SealPolicy } from "#event-store";
import { z } from "zod";
import { decimalNumber, wholeNumber } from "./environment-numbers.js";

/** Where seals and their keys are kept, and when the server seals on its own (docs/api.md "Seals"). */
export interface SealSettings {
  /** MANDAT_SEALS_PATH: the seals and the public keys; `seals.sqlite` beside the event log. */
  readonly sealsPath: string;
  /** MANDAT_SEAL_KEYS_PATH: the private signing keys; `seal-keys.sqlite` beside the person keys. */
  readonly keysPath: string;
  /** MANDAT_SEAL_EVERY_EVENTS and MANDAT_SEAL_EVERY_MINUTES: the server seals when either is reached. */
  readonly policy: SealPolicy;
}

/** The variables, merged into the configuration's own (libs/platform/src/config.ts). */
export const SEAL_ENVIRONMENT = {
  MANDAT_SEALS_PATH: z.string().min(1).optional(),
  MANDAT_SEAL_KEYS_PATH: z.string().min(1).optional(),
  MANDAT_SEAL_EVERY_EVENTS: wholeNumber(1, 10_000_000, 10_000),
  MANDAT_SEAL_EVERY_MINUTES: decimalNumber(0.05, 10_080, 5),
};

type SealEnvironment = z.output<z.ZodObject<typeof SEAL_ENVIRONMENT>>;

/** The settings from the parsed variables; the files default to the folders of the log and the person keys. */
export const sealSettings = (
  e: SealEnvironment,
  beside: { readonly dataDirectory: string; readonly keysPath: string },
): SealSettings => ({
  sealsPath: resolve(e.MANDAT_SEALS_PATH ?? join(beside.dataDirectory, "seals.sqlite")),
  keysPath: resolve(e.MANDAT_SEAL_KEYS_PATH ?? join(dirname(beside.keysPath), "seal-keys.sqlite")),
  policy: { everyEvents: e.MANDAT_SEAL_EVERY_EVENTS, everyMs: Math.round(e.MANDAT_SEAL_EVERY_MINUTES * 60_000) },
});

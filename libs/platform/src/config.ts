import { dirname, join, resolve } from "node:path";
import { Data } from "effect";
import { DEFAULT_REGISTRATION_SERIES, registrationSeriesProblem } from "#domain";
import { OPERATIONS_ENVIRONMENT, type OperationsSettings, operationsSettings } from "./operations-settings.js";
import { IDENTITY_ENVIRONMENT, type IdentitySettings, identitySettings } from "./identity-settings.js";
import { z } from "zod";
import { wholeNumber } from "./environment-numbers.js";
import { SEAL_ENVIRONMENT, type SealSettings, sealSettings } from "./seal-settings.js";
import { HTTP_ENVIRONMENT, type HttpSettings, httpSettings } from "./http-settings.js";
import { type OidcClientSettings, SIGN_IN_ENVIRONMENT, signInSettings } from "./sign-in-settings.js";

/** A configuration the process cannot start with; `message` says which variable and why. */
export class ConfigError extends Data.TaggedError("ConfigError")<{ readonly reason: string }> {
  override get message() {
    return this.reason;
  }
}

const flag = z.enum(["on", "off"]);

/**
 * The environment variables of docs/api.md "Configuration", MANDAT_KEYS_PATH included
 * (where person keys live; beside the event log by default).
 */
const Environment = z.object({
  ...OPERATIONS_ENVIRONMENT,
  PORT: wholeNumber(0, 65_535, 3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  MANDAT_STORE: z.enum(["sqlite", "eventstoredb"]).default("sqlite"),
  MANDAT_SQLITE_PATH: z.string().min(1).default("./data/mandat.sqlite"),
  MANDAT_READ_MODELS_PATH: z.string().min(1).default("./data/read-models.sqlite"),
  MANDAT_KEYS_PATH: z.string().min(1).optional(),
  EVENTSTORE_CONNECTION_STRING: z.string().min(1).optional(),
  AUTH_JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  MANDAT_DEMO: flag.optional(),
  /** The series registration numbers (diarienummer) are given in, e.g. `SHK {year}/{n}`. */
  MANDAT_REGISTRATION_SERIES: z
    .string()
    .superRefine((pattern, context) => {
      const problem = registrationSeriesProblem(pattern);
      if (problem) context.addIssue({ code: "custom", message: problem });
    })
    .default(DEFAULT_REGISTRATION_SERIES),
  NODE_ENV: z.string().optional(),
  ...HTTP_ENVIRONMENT,
  ...SEAL_ENVIRONMENT,
  ...IDENTITY_ENVIRONMENT,
  ...SIGN_IN_ENVIRONMENT,
});

/** The names of the environment variables the configuration reads, and no others. */
export const ENVIRONMENT_VARIABLES: ReadonlyArray<string> = Object.keys(Environment.shape);

export type AuthConfig =
  | { readonly mode: "hs256"; readonly secret?: string }
  | {
      readonly mode: "oidc";
      readonly jwksUrl: string;
      readonly issuer: string;
      readonly audience: string;
      /** AUTH_CLIENT_ID when the web sign-in is on: its ID tokens (audience: the client) are accepted too. */
      readonly clientId?: string;
    };

export interface MandatConfig {
  /** Limits on clients, logs and metrics: libs/platform/src/operations-settings.ts. */
  readonly operations: OperationsSettings;
  readonly port: number;
  readonly host: string;
  readonly store:
    { readonly engine: "sqlite"; readonly path: string } | { readonly engine: "eventstoredb"; readonly connectionString: string };
  readonly readModelsPath: string;
  readonly keysPath: string;
  /** MANDAT_SQLITE_PATH even when another engine runs: what `mandat migrate` copies from. */
  readonly embeddedLogPath: string;
  /** Where a generated development secret is kept (the embedded store's data folder). */
  readonly dataDirectory: string;
  readonly auth: AuthConfig;
  /** How a token's roles claim and e-mail are read: libs/platform/src/identity-settings.ts. */
  readonly identity: IdentitySettings;
  /** Load the demo history into an empty log (MANDAT_DEMO, on unless `off`). */
  readonly demo: boolean;
  /** MANDAT_REGISTRATION_SERIES: the pattern of registration numbers, `{year}/{n}` unless set. */
  readonly registrationSeries: string;
  readonly production: boolean;
  /** Seals of the log and their keys: libs/platform/src/seal-settings.ts. */
  readonly seals: SealSettings;
  /** Timeouts and CORS origins: libs/platform/src/http-settings.ts. */
  readonly http: HttpSettings;
  /** The web app's sign-in at the OpenID provider, when configured: libs/platform/src/sign-in-settings.ts. */
  readonly signIn: OidcClientSettings | undefined;
}

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): MandatConfig {
  const parsed = Environment.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError({ reason: `Invalid configuration: ${problems.join("; ")}` });
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const sqlitePath = resolve(e.MANDAT_SQLITE_PATH);
  const dataDirectory = dirname(sqlitePath);

  if (e.MANDAT_STORE === "eventstoredb" && !e.EVENTSTORE_CONNECTION_STRING) {
    throw new ConfigError({
      reason: "MANDAT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false",
    });
  }
  const signIn = signInSettings(e, Boolean(e.AUTH_JWKS_URL && !e.AUTH_JWT_SECRET));
  if ("problem" in signIn) throw new ConfigError({ reason: signIn.problem });
  // With the web sign-in on, the API's audience may default to the client's: its ID tokens.
  const audience = e.AUTH_AUDIENCE ?? e.AUTH_CLIENT_ID;
  const oidc = [e.AUTH_JWKS_URL, e.AUTH_ISSUER, audience];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new ConfigError({
      reason: "OIDC mode needs all of AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE (or AUTH_CLIENT_ID for the web sign-in)",
    });
  }
  if (e.AUTH_JWKS_URL && e.AUTH_JWT_SECRET) {
    throw new ConfigError({ reason: "Set either AUTH_JWT_SECRET or AUTH_JWKS_URL, not both" });
  }
  if (production && !e.AUTH_JWT_SECRET && !e.AUTH_JWKS_URL) {
    throw new ConfigError({
      reason:
        "NODE_ENV=production needs explicit authentication: set AUTH_JWT_SECRET (HS256) or AUTH_JWKS_URL with AUTH_ISSUER and AUTH_AUDIENCE (OIDC). " +
        "A generated development secret is never used in production.",
    });
  }

  const http = httpSettings(e);
  if ("problem" in http) throw new ConfigError({ reason: http.problem });

  const keysPath = resolve(e.MANDAT_KEYS_PATH ?? join(dataDirectory, "keys.sqlite"));
  return {
    operations: operationsSettings(e),
    port: e.PORT,
    host: e.HOST,
    store:
      e.MANDAT_STORE === "sqlite"
        ? { engine: "sqlite", path: sqlitePath }
        : { engine: "eventstoredb", connectionString: e.EVENTSTORE_CONNECTION_STRING! },
    readModelsPath: resolve(e.MANDAT_READ_MODELS_PATH),
    embeddedLogPath: sqlitePath,
    keysPath,
    dataDirectory,
    auth: e.AUTH_JWKS_URL
      ? {
          mode: "oidc",
          jwksUrl: e.AUTH_JWKS_URL,
          issuer: e.AUTH_ISSUER!,
          audience: audience!,
          ...(signIn.client ? { clientId: signIn.client.clientId } : {}),
        }
      : { mode: "hs256", ...(e.AUTH_JWT_SECRET ? { secret: e.AUTH_JWT_SECRET } : {}) },
    identity: identitySettings(e),
    demo: e.MANDAT_DEMO !== "off",
    registrationSeries: e.MANDAT_REGISTRATION_SERIES,
    production,
    seals: sealSettings(e, { dataDirectory, keysPath }),
    http,
    signIn: signIn.client,
  };
}

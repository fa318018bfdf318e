import { isIP } from "node:net";
import { z } from "zod";
import { wholeNumber } from "./environment-numbers.js";

/**
 * What an operator tunes on a server in production (docs/api.md "Configuration"): how many
 * live feeds and how much unread data each may hold, how often a client may fail to
 * authenticate or write, how much is logged, and who may scrape the metrics.
 */
export interface OperationsSettings {
  /** LOG_LEVEL: the level of the JSON log on stdout (pino's levels). */
  readonly logLevel: LogLevel;
  readonly liveFeeds: {
    /** MANDAT_LIVE_FEEDS_PER_PRINCIPAL: open feeds one principal may hold (429 beyond). */
    readonly perPrincipal: number;
    /** MANDAT_LIVE_FEEDS_TOTAL: open feeds the server holds in all (429 beyond). */
    readonly total: number;
    /** MANDAT_LIVE_FEED_BUFFER_BYTES: unread data a feed may hold in the server before it is dropped. */
    readonly bufferBytes: number;
  };
  readonly rateLimits: {
    /** MANDAT_AUTH_FAILURES_PER_MINUTE: failed authentications per client address (429 beyond); 0 is no limit. */
    readonly authFailuresPerMinute: number;
    /** MANDAT_WRITES_PER_MINUTE: writes per principal (429 beyond); 0 is no limit. */
    readonly writesPerMinute: number;
  };
  /**
   * MANDAT_TRUSTED_PROXIES: the addresses (IP or CIDR) of the reverse proxies whose
   * X-Forwarded-For is believed about a client's address; none, the address is the
   * connection's.
   */
  readonly trustedProxies: ReadonlyArray<string>;
  /** METRICS_TOKEN: the bearer token GET /metrics needs; without one, /metrics is not served. */
  readonly metricsToken: string | undefined;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const count = (fallback: number, min: number) => wholeNumber(min, 1_000_000, fallback);

/** The variables, merged into the configuration's own (libs/platform/src/config.ts). */
export const OPERATIONS_ENVIRONMENT = {
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  MANDAT_LIVE_FEEDS_PER_PRINCIPAL: count(5, 1),
  MANDAT_LIVE_FEEDS_TOTAL: count(500, 1),
  // Frames are about 100 bytes: 256 KiB is some 2,500 events a reader has not taken, on
  // top of what the operating system's socket buffers already hold for it.
  MANDAT_LIVE_FEED_BUFFER_BYTES: count(256 * 1024, 4 * 1024),
  MANDAT_AUTH_FAILURES_PER_MINUTE: count(30, 0),
  MANDAT_WRITES_PER_MINUTE: count(600, 0),
  MANDAT_TRUSTED_PROXIES: z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(isAddressOrRange, "a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.5,172.30.240.128/25"),
      ),
    )
    .optional(),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
};

type OperationsEnvironment = z.output<z.ZodObject<typeof OPERATIONS_ENVIRONMENT>>;

/** The settings from the parsed variables. */
export const operationsSettings = (e: OperationsEnvironment): OperationsSettings => ({
  logLevel: e.LOG_LEVEL,
  liveFeeds: {
    perPrincipal: e.MANDAT_LIVE_FEEDS_PER_PRINCIPAL,
    total: e.MANDAT_LIVE_FEEDS_TOTAL,
    bufferBytes: e.MANDAT_LIVE_FEED_BUFFER_BYTES,
  },
  rateLimits: {
    authFailuresPerMinute: e.MANDAT_AUTH_FAILURES_PER_MINUTE,
    writesPerMinute: e.MANDAT_WRITES_PER_MINUTE,
  },
  trustedProxies: e.MANDAT_TRUSTED_PROXIES ?? [],
  metricsToken: e.METRICS_TOKEN,
});

/** `10.0.0.5`, `fd00::1`, `172.30.240.128/25`: an address, or a range with a prefix that fits it. */
function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

import { z } from "zod";
import { wholeNumber } from "./environment-numbers.js";

/**
 * What the HTTP server allows its clients (docs/api.md "Configuration"): how long a client
 * may take to send a request's headers, the whole request, and how long a connection may
 * sit idle; and which other origins a browser may call the API from.
 */
export interface HttpSettings {
  /** MANDAT_HEADERS_TIMEOUT_MS: the request line and headers must have arrived by then (408). */
  readonly headersTimeoutMs: number;
  /** MANDAT_REQUEST_TIMEOUT_MS: the whole request, body included, must have arrived by then (408). */
  readonly requestTimeoutMs: number;
  /** MANDAT_IDLE_TIMEOUT_MS: a connection on which nothing moves for this long is closed (408 mid-request). */
  readonly idleTimeoutMs: number;
  /** MANDAT_CORS_ORIGINS: the origins a browser may call from; empty, CORS is off (same origin only). */
  readonly corsOrigins: ReadonlyArray<string>;
  /**
   * MANDAT_DRAIN_MS: after SIGTERM, how long the server goes on listening, refusing writes
   * and readiness (503 `shutting-down`) while a balancer notices, before it stops listening
   * and finishes what is in flight. 0 stops listening at once.
   */
  readonly drainMs: number;
}

const milliseconds = (fallback: number) => wholeNumber(100, 3_600_000, fallback);

/** `https://kommun.example` and nothing more: a scheme, a host, maybe a port; no path, no wildcard. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/** The variables, merged into the configuration's own (libs/platform/src/config.ts). */
export const HTTP_ENVIRONMENT = {
  MANDAT_HEADERS_TIMEOUT_MS: milliseconds(10_000),
  MANDAT_REQUEST_TIMEOUT_MS: milliseconds(30_000),
  // Above the 60 s a proxy such as nginx keeps an idle upstream connection, so the proxy
  // closes first and never sends a request on a connection the server is closing.
  MANDAT_IDLE_TIMEOUT_MS: milliseconds(75_000),
  // A balancer that polls readiness every few seconds stops sending within this; Docker
  // and Kubernetes wait 10 and 30 s after SIGTERM before they kill the process.
  MANDAT_DRAIN_MS: wholeNumber(0, 60_000, 5_000),
  MANDAT_CORS_ORIGINS: z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
    )
    .pipe(z.array(z.string().regex(ORIGIN, "a comma-separated list of origins such as https://mandat.vasteras.se")))
    .optional(),
};

type HttpEnvironment = z.output<z.ZodObject<typeof HTTP_ENVIRONMENT>>;

/** The settings from the parsed variables, or why they cannot go together. */
export function httpSettings(e: HttpEnvironment): HttpSettings | { readonly problem: string } {
  // Node refuses a headers timeout longer than the request's: the headers are part of it.
  if (e.MANDAT_HEADERS_TIMEOUT_MS > e.MANDAT_REQUEST_TIMEOUT_MS) {
    return {
      problem: "MANDAT_HEADERS_TIMEOUT_MS must not exceed MANDAT_REQUEST_TIMEOUT_MS (the headers are part of the request)",
    };
  }
  return {
    headersTimeoutMs: e.MANDAT_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.MANDAT_REQUEST_TIMEOUT_MS,
    idleTimeoutMs: e.MANDAT_IDLE_TIMEOUT_MS,
    corsOrigins: e.MANDAT_CORS_ORIGINS ?? [],
    drainMs: e.MANDAT_DRAIN_MS,
  };
}

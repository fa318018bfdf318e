/**
 * Problems every authenticated route can answer with, besides its own; `too-many-requests`
 * for an address that failed to authenticate too often (http/rate-limits.ts).
 */
export const AUTH_PROBLEMS = ["unauthenticated", "forbidden", "identity-provider-unavailable", "too-many-requests"] as const;

/** Problems every read can answer with: besides authentication, a bad parameter and read models behind minPosition. */
export const READ_PROBLEMS = [...AUTH_PROBLEMS, "validation", "read-model-behind"] as const;

/**
 * Problems every command can answer with, besides the rules of its spec: `request-timeout`
 * for a body too slow to arrive, `shutting-down` for a write that arrives while the server
 * drains (http/server-limits.ts, http/draining.ts).
 */
export const COMMAND_PROBLEMS = [
  ...AUTH_PROBLEMS,
  "validation",
  "request-timeout",
  "not-found",
  "precondition-failed",
  "idempotency-key-reused",
  "concurrency-conflict",
  "payload-too-large",
  "unsupported-media-type",
  "store-unavailable",
  "shutting-down",
] as const;

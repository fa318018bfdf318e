/**
 * Problems every authenticated route can answer with, besides its own; `too-many-requests`
 * for an address that failed to authenticate too often (http/rate-limits.ts).
 */
export const AUTH_PROBLEMS = ["unauthenticated", "forbidden", "identity-provider-unavailable", "too-many-requests"] as const;

/** Problems every read can answer with: besides authentication, a bad parameter and read models behind minPosition. */
export const READ_PROBLEMS = [...AUTH_PROBLEMS, "validation", "read-model-behind"] as const;

/** Problems every command can answer with, besides the rules of its spec. */
export const COMMAND_PROBLEMS = [
  ...AUTH_PROBLEMS,
  "validation",
  "not-found",
  "precondition-failed",
  "idempotency-key-reused",
  "concurrency-conflict",
  "payload-too-large",
  "unsupported-media-type",
  "store-unavailable",
] as const;

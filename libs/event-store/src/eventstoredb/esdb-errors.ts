import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import { ConcurrencyConflict, StoreUnavailable } from "../port/errors.js";
import type { ActualRevision, ExpectedRevision } from "../port/expected-revision.js";

/** What a client error means to the port: a lost race, or a store that cannot answer now. */
export type TranslatedError =
  | { readonly kind: "conflict"; readonly error: ConcurrencyConflict }
  | { readonly kind: "unavailable"; readonly error: StoreUnavailable }
  | { readonly kind: "stream-not-found" }
  | { readonly kind: "defect"; readonly error: unknown };

export const actualRevision = (current: unknown): ActualRevision => (typeof current === "bigint" ? Number(current) : "no-stream");

/**
 * WrongExpectedVersionError becomes ConcurrencyConflict with the revision the server saw;
 * a leader change, a timeout or a node that is down becomes StoreUnavailable (safe to
 * retry: appends carry fixed event ids, which the server deduplicates); anything else is
 * a programming error.
 */
export function translateError(error: unknown, streamId: string, expected: ExpectedRevision): TranslatedError {
  if (error instanceof WrongExpectedVersionError) {
    return {
      kind: "conflict",
      error: new ConcurrencyConflict({ streamId, expected, actual: actualRevision(error.actualVersion) }),
    };
  }
  if (error instanceof StreamNotFoundError) return { kind: "stream-not-found" };
  if (
    error instanceof UnavailableError ||
    error instanceof NotLeaderError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError
  ) {
    return { kind: "unavailable", error: new StoreUnavailable({ reason: `EventStoreDB: ${error.message}`, cause: error }) };
  }
  return { kind: "defect", error };
}

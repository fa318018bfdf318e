import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import { ConcurrencyConflict, StoreUnavailable } from "../port/errors.js";
import type { ActualRevision, ExpectedRevision } from "../port/expected-revision.js";
import { PositionNotKnown } from "./esdb-positions.js";

/** What a client error means to the port: a lost race, a store that cannot answer now, or a write too big for it. */
export type TranslatedError =
  | { readonly kind: "conflict"; readonly error: ConcurrencyConflict }
  | { readonly kind: "unavailable"; readonly error: StoreUnavailable }
  | { readonly kind: "stream-not-found" }
  | { readonly kind: "too-large"; readonly maxAppendSize: number }
  | { readonly kind: "defect"; readonly error: unknown };

export const actualRevision = (current: unknown): ActualRevision => (typeof current === "bigint" ? Number(current) : "no-stream");

/**
 * "Server busy" or "not ready" in answer to a batch append (the client uses batch appends
 * whenever the server offers them): the client turns the server's `Unknown` detail into an
 * UnknownError with nothing in it (streams/appendToStream/unpackError.js). An UnknownError
 * made from a gRPC status carries that status's code and message, and means something else
 * (an invalid argument: a bug).
 */
const isBusy = (error: unknown) =>
  error instanceof UnknownError && (error as { code?: unknown }).code === undefined && error.message === "";

/**
 * With a discovery connection string (esdb+discover://), the client throws a plain Error
 * when no node answered gossip (Client/discovery.js): the cluster is electing or away.
 */
const isFailedDiscovery = (error: unknown) =>
  error instanceof Error && error.constructor === Error && error.message.startsWith("Failed to discover");

/**
 * WrongExpectedVersionError becomes ConcurrencyConflict with the revision the server saw;
 * a leader change, a timeout, a busy server, a failed discovery, a node that is down or an
 * event not yet indexed in $all becomes StoreUnavailable (safe to retry: appends carry
 * fixed event ids and exact revisions, which the server deduplicates); anything else is a
 * programming error.
 */
export function translateError(error: unknown, streamId: string, expected: ExpectedRevision): TranslatedError {
  if (error instanceof WrongExpectedVersionError) {
    return {
      kind: "conflict",
      error: new ConcurrencyConflict({ streamId, expected, actual: actualRevision(error.actualVersion) }),
    };
  }
  if (error instanceof StreamNotFoundError) return { kind: "stream-not-found" };
  if (error instanceof MaxAppendSizeExceededError) return { kind: "too-large", maxAppendSize: error.maxAppendSize };
  if (
    error instanceof UnavailableError ||
    error instanceof NotLeaderError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof PositionNotKnown ||
    isBusy(error) ||
    isFailedDiscovery(error)
  ) {
    const message = (error as Error).message || (isBusy(error) ? "the server is busy or not ready" : "unknown");
    return { kind: "unavailable", error: new StoreUnavailable({ reason: `EventStoreDB: ${message}`, cause: error }) };
  }
  return { kind: "defect", error };
}

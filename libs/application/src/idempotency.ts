import { createHash } from "node:crypto";
import type { Principal } from "#domain";
import { type IdempotencyRecord, canonicalJson } from "#event-store";
import { Effect } from "effect";
import type { CommandResult } from "./command-envelope.js";
import { IdempotencyKeyReused } from "./errors.js";

/** What the record keeps of the first answer; revision and position live in the record itself. */
export interface StoredAnswer {
  readonly id: string;
  readonly created: boolean;
}

/**
 * Keys are per principal: one client cannot collide with, or read, another's answers. The
 * pair is hashed as JSON, so no subject and key can be spelled to look like another pair.
 */
export const scopedIdempotencyKey = (principal: Principal, key: string): string =>
  createHash("sha256").update(JSON.stringify([principal.id, key])).digest("hex");

/** The same command name with the same input is the same request, whatever its key order. */
export const fingerprintOf = (commandName: string, input: unknown): string =>
  createHash("sha256").update(canonicalJson({ command: commandName, input })).digest("hex");

export const replay = (
  record: IdempotencyRecord,
  fingerprint: string,
  clientKey: string,
): Effect.Effect<CommandResult, IdempotencyKeyReused> => {
  if (record.fingerprint !== fingerprint) return Effect.fail(new IdempotencyKeyReused({ key: clientKey }));
  const answer = record.response as StoredAnswer;
  return Effect.succeed({
    id: answer.id,
    streamId: record.streamId,
    revision: record.revision,
    position: record.position,
    created: answer.created,
    replayed: true,
  });
};

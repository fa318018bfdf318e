import { createHash } from "node:crypto";
import type { Principal } from "#domain";
import { type EventStoreService, type IdempotencyRecord, type StoreUnavailable, canonicalJson } from "#event-store";
import { Effect } from "effect";
import type { CommandEnvelope, CommandResult } from "./command-envelope.js";
import { IdempotencyKeyReused } from "./errors.js";

/** What the record keeps of the first answer; revision and position live in the record itself. */
export interface StoredAnswer {
  readonly id: string;
  readonly created: boolean;
}

/** An idempotency key as the pipeline uses it. */
export interface Idempotency {
  /** The key as the client sent it, for the error that names it. */
  readonly clientKey: string;
  /**
   * The key as stored: per principal, so one client cannot collide with, or read, another's
   * answers. The pair is hashed as JSON, so no subject and key can be spelled to look like another pair.
   */
  readonly key: string;
  /** The same command name with the same input is the same request, whatever its key order. */
  readonly fingerprint: string;
}

export const idempotencyOf = (commandName: string, envelope: CommandEnvelope<unknown>): Idempotency | undefined => {
  const { idempotencyKey: clientKey, principal, input } = envelope;
  if (clientKey === undefined) return undefined;
  return { clientKey, key: scopedKey(principal, clientKey), fingerprint: fingerprintOf(commandName, input) };
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const scopedKey = (principal: Principal, key: string) => sha256(JSON.stringify([principal.id, key]));
const fingerprintOf = (commandName: string, input: unknown) => sha256(canonicalJson({ command: commandName, input }));

/**
 * The first answer given to this key, if there was one. The same key for another request
 * is refused rather than answered.
 */
export const storedAnswer = (
  store: EventStoreService,
  idempotency: Idempotency,
): Effect.Effect<CommandResult | undefined, IdempotencyKeyReused | StoreUnavailable> =>
  Effect.flatMap(store.findIdempotencyRecord(idempotency.key), (record) =>
    record === undefined ? Effect.succeed(undefined) : replay(record, idempotency),
  );

const replay = (
  record: IdempotencyRecord,
  { clientKey, fingerprint }: Idempotency,
): Effect.Effect<CommandResult, IdempotencyKeyReused> => {
  if (record.fingerprint !== fingerprint) return Effect.fail(new IdempotencyKeyReused({ key: clientKey }));
  const answer = record.response as StoredAnswer;
  return Effect.succeed({
    id: answer.id,
    streamId: record.streamId,
    revision: record.revision,
    position: record.position,
    created: answer.created,
  });
};

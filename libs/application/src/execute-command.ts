import { type DomainEvent, type RuleViolation, calendarDate, hasAnyRole } from "#domain";
import {
  type ConcurrencyConflict,
  uuidV7,
  EventStore,
  type EventStoreService,
  type EventToAppend,
  ExpectedRevision,
  type StoreUnavailable,
} from "#event-store";
import type { KeyStoreUnavailable } from "#privacy";
import { Clock, Effect, Either } from "effect";
import type { CommandEnvelope, CommandResult } from "./command-envelope.js";
import type { CommandServices, CommandSpec } from "./command-spec.js";
import { conflictRetrySchedule } from "./conflict-retry.js";
import { Forbidden, type IdempotencyKeyReused, PreconditionFailed, ResourceNotFound } from "./errors.js";
import { type StoredAnswer, fingerprintOf, replay, scopedIdempotencyKey } from "./idempotency.js";
import { loadState } from "./read-state.js";

export type CommandError =
  | KeyStoreUnavailable
  | Forbidden
  | ResourceNotFound
  | PreconditionFailed
  | IdempotencyKeyReused
  | ConcurrencyConflict
  | RuleViolation
  | StoreUnavailable;

/**
 * The one command handler: check the role, answer a repeated idempotency key from its
 * record, then load the stream, fold it, check the scope, decide, and append at the
 * revision that was read. A conflict without If-Match decides again on fresh state.
 */
export const executeCommand = <Input, Command, Event extends DomainEvent, State>(
  spec: CommandSpec<Input, Command, Event, State>,
  envelope: CommandEnvelope<Input>,
): Effect.Effect<CommandResult, CommandError, CommandServices> =>
  Effect.gen(function* () {
    const { principal, idempotencyKey: clientKey } = envelope;
    if (!hasAnyRole(principal, spec.roles)) {
      return yield* new Forbidden({ reason: `${spec.name} needs one of the roles ${spec.roles.join(", ")}` });
    }
    const store = yield* EventStore;
    const key = clientKey === undefined ? undefined : scopedIdempotencyKey(principal, clientKey);
    const fingerprint = key === undefined ? "" : fingerprintOf(spec.name, envelope.input);
    const answerStored = (storedKey: string, givenKey: string) =>
      Effect.flatMap(store.findIdempotencyRecord(storedKey), (record) =>
        record ? replay(record, fingerprint, givenKey) : Effect.die(new Error(`Idempotency record ${storedKey} vanished`)),
      );
    if (key !== undefined && clientKey !== undefined) {
      const record = yield* store.findIdempotencyRecord(key);
      if (record) return yield* replay(record, fingerprint, clientKey);
    }

    const commandId = envelope.commandId ?? uuidV7();
    const attempt = decideAndAppend(store, spec, envelope, {
      newId: uuidV7(),
      commandId,
      fingerprint,
      key,
    });
    // Without If-Match a conflict means "decide again on fresh state"; the retry loop is
    // only built once a first conflict has happened.
    const attempts =
      envelope.expectedRevision === undefined
        ? Effect.catchTag(attempt, "ConcurrencyConflict", () =>
            Effect.retry(attempt, { schedule: conflictRetrySchedule, while: (error) => error._tag === "ConcurrencyConflict" }),
          )
        : attempt;
    return yield* attempts.pipe(
      Effect.catchTag("IdempotencyKeyTaken", () => answerStored(key!, clientKey!)),
      Effect.catchTag("ConcurrencyConflict", (conflict): Effect.Effect<never, ConcurrencyConflict | PreconditionFailed> =>
        envelope.expectedRevision === undefined
          ? Effect.fail(conflict)
          : Effect.fail(
              new PreconditionFailed({
                streamId: conflict.streamId,
                expectedRevision: envelope.expectedRevision,
                actualRevision: conflict.actual,
              }),
            ),
      ),
    );
  });

interface AttemptIds {
  readonly newId: string;
  readonly commandId: string;
  readonly fingerprint: string;
  readonly key: string | undefined;
}

const decideAndAppend = <Input, Command, Event extends DomainEvent, State>(
  store: EventStoreService,
  spec: CommandSpec<Input, Command, Event, State>,
  envelope: CommandEnvelope<Input>,
  ids: AttemptIds,
) =>
  Effect.gen(function* () {
    const { input, principal, expectedRevision } = envelope;
    const target = spec.target(input, ids.newId);
    const loaded = yield* loadState(store, target.streamId, spec.decider);
    if (loaded.revision === "no-stream" && spec.creates !== "stream") {
      return yield* new ResourceNotFound({ streamId: target.streamId });
    }
    if (expectedRevision !== undefined && loaded.revision !== expectedRevision) {
      return yield* new PreconditionFailed({
        streamId: target.streamId,
        expectedRevision,
        actualRevision: loaded.revision,
      });
    }
    const { state } = loaded;
    if (spec.scope && !spec.scope(principal, input, state)) {
      return yield* new Forbidden({ reason: `${spec.name} is not allowed for this initiative` });
    }
    const today = calendarDate(new Date(yield* Clock.currentTimeMillis));
    const command = yield* spec.toCommand(input, { newId: ids.newId, today, principal, state });
    const decided = spec.decider.decide(command, state);
    if (Either.isLeft(decided)) return yield* Effect.fail(decided.left);

    const metadata = {
      actor: { id: principal.id, roles: principal.roles },
      commandId: ids.commandId,
      correlationId: envelope.correlationId ?? ids.commandId,
      causationId: envelope.causationId ?? ids.commandId,
      ...(envelope.idempotencyKey === undefined ? {} : { idempotencyKey: envelope.idempotencyKey }),
    };
    const toAppend = decided.right.map((event) => validated(spec, event, metadata));
    const created =
      toAppend.length > 0 && (spec.creates === "resource" || (spec.creates === "stream" && loaded.revision === "no-stream"));
    const answer: StoredAnswer = { id: target.resourceId, created };
    const expected =
      expectedRevision === undefined ? ExpectedRevision.fromActual(loaded.revision) : ExpectedRevision.at(expectedRevision);
    const appended = yield* store.append(target.streamId, toAppend, expected, {
      ...(ids.key === undefined ? {} : { idempotency: { key: ids.key, fingerprint: ids.fingerprint, response: answer } }),
    });
    const result: CommandResult = {
      id: target.resourceId,
      streamId: target.streamId,
      revision: appended.revision,
      position: appended.position,
      created,
      replayed: false,
    };
    return result;
  });

/** A decider that emits a payload its own schema rejects is a bug, not a user error. */
const validated = <Event extends DomainEvent>(
  spec: Pick<CommandSpec<never, never, Event, never>, "name" | "events">,
  event: Event,
  metadata: EventToAppend["metadata"],
): EventToAppend => {
  const definition = spec.events[event.type];
  if (!definition) throw new Error(`${spec.name} emitted ${event.type}, which its stream does not define`);
  const parsed = definition.schema.safeParse(event.data);
  if (!parsed.success) {
    throw new Error(`${spec.name} emitted an invalid ${event.type}: ${parsed.error.message}`);
  }
  return { type: event.type, schemaVersion: definition.schemaVersion, data: parsed.data, metadata };
};

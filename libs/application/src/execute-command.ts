import { type DomainEvent, type RuleViolation, hasAnyRole, mayIssue } from "#domain";
import {
  type ConcurrencyConflict,
  EventStore,
  type EventStoreService,
  type EventToAppend,
  ExpectedRevision,
  type StoreUnavailable,
  uuidV7,
} from "#event-store";
import type { KeyStoreUnavailable } from "#privacy";
import { Clock, Effect, Either } from "effect";
import type { z } from "zod";
import { calendarDateOf } from "./calendar-day.js";
import type { CommandEnvelope, CommandResult } from "./command-envelope.js";
import type { CommandServices, CommandSpec, StagedCommand } from "./command-spec.js";
import { oneAtATimeOn } from "./command-streams.js";
import { retryOnConflict } from "./conflict-retry.js";
import { Forbidden, type IdempotencyKeyReused, type InvalidInput, PreconditionFailed, ResourceNotFound } from "./errors.js";
import { type Idempotency, type StoredAnswer, idempotencyOf, storedAnswer } from "./idempotency.js";
import { parseInput } from "./parse-input.js";
import { type LoadedState, loadState } from "./read-state.js";

export type CommandError =
  | InvalidInput
  | KeyStoreUnavailable
  | Forbidden
  | ResourceNotFound
  | PreconditionFailed
  | IdempotencyKeyReused
  | ConcurrencyConflict
  | RuleViolation
  | StoreUnavailable;

/**
 * The one command handler: check the role, parse the input against the spec's schema,
 * answer a repeated idempotency key from its record, then load the stream, fold it, check
 * the scope and then If-Match, decide, run what the accepted decision stages, and append
 * at the revision that was read. A conflict without If-Match decides again on fresh
 * state; with If-Match it is a failed precondition.
 */
export const executeCommand = <Input extends z.ZodObject, Command, Event extends DomainEvent, State>(
  spec: CommandSpec<Input, Command, Event, State>,
  envelope: CommandEnvelope<z.input<Input>>,
): Effect.Effect<CommandResult, CommandError, CommandServices> =>
  Effect.gen(function* () {
    const { principal, expectedRevision } = envelope;
    if (!mayIssue(principal, spec.roles)) {
      return yield* new Forbidden({ reason: `${spec.name} needs one of the roles ${spec.roles.join(", ")}` });
    }
    const input = yield* parseInput(spec.input, envelope.input);
    const store = yield* EventStore;
    const idempotency = idempotencyOf(spec.name, { ...envelope, input });
    const earlier = idempotency === undefined ? undefined : yield* storedAnswer(store, idempotency);
    if (earlier) return earlier;

    // Generated once, so that deciding again after a conflict creates the same resource.
    const ids: Attempt = { newId: uuidV7(), commandId: uuidV7(), idempotency };
    // Each attempt alone among this process's commands on its stream (where CommandStreams
    // is provided): only another process can then move the stream between read and append.
    const attempt = oneAtATimeOn(
      spec.target(input, ids.newId).streamId,
      decideAndAppend(store, spec, { ...envelope, input }, ids),
    );
    const written =
      expectedRevision === undefined
        ? retryOnConflict(attempt)
        : Effect.catchTag(attempt, "ConcurrencyConflict", (conflict) =>
            Effect.fail(
              new PreconditionFailed({ streamId: conflict.streamId, expectedRevision, actualRevision: conflict.actual }),
            ),
          );
    // Only an append that claims a key finds it taken: a concurrent request with the same
    // key appended first, so answer as it was answered.
    return yield* Effect.catchTag(written, "IdempotencyKeyTaken", (taken) =>
      Effect.flatMap(storedAnswer(store, idempotency!), (answer) =>
        answer ? Effect.succeed(answer) : Effect.die(new Error(`Idempotency record ${taken.key} vanished`)),
      ),
    );
  });

interface Attempt {
  readonly newId: string;
  readonly commandId: string;
  readonly idempotency: Idempotency | undefined;
}

const decideAndAppend = <Input extends z.ZodObject, Command, Event extends DomainEvent, State>(
  store: EventStoreService,
  spec: CommandSpec<Input, Command, Event, State>,
  envelope: CommandEnvelope<z.output<Input>>,
  { newId, commandId, idempotency }: Attempt,
) =>
  Effect.gen(function* () {
    const { input, principal, expectedRevision } = envelope;
    const target = spec.target(input, newId);
    // A stream named by this command's newId has no events yet: reading it would only find
    // it missing, which cost about a sixth of such a command's CPU time (command-spec.ts newStream).
    const { state, revision }: LoadedState<State> = target.newStream
      ? { state: spec.decider.initialState, revision: "no-stream" }
      : yield* loadState(store, target.streamId, spec.decider);
    if (revision === "no-stream" && spec.creates !== "stream" && !spec.sharedStream) {
      return yield* new ResourceNotFound({ streamId: target.streamId });
    }
    // Before If-Match, so that a principal outside the scope does not learn the revision.
    const inScope = spec.scope ? yield* spec.scope(principal, input, state) : hasAnyRole(principal, spec.roles);
    if (!inScope) {
      return yield* new Forbidden({ reason: `${spec.name} is not allowed for this initiative` });
    }
    if (expectedRevision !== undefined && revision !== expectedRevision) {
      return yield* new PreconditionFailed({ streamId: target.streamId, expectedRevision, actualRevision: revision });
    }
    // One reading of Effect's Clock is both "today" for the rules and the instant the events
    // are recorded at: production runs on the system clock; only code (the demo loader,
    // tests) sets another, never a request.
    const now = new Date(yield* Clock.currentTimeMillis);
    const today = calendarDateOf(now);
    const { command, whenAccepted } = stagedOf(yield* spec.toCommand(input, { newId, today, state, principal }));
    const decided = spec.decider.decide(command, state);
    if (Either.isLeft(decided)) {
      const violation = decided.left;
      // A goal or mandate the input names but the stream does not hold is an unknown resource.
      const missing = spec.missing?.some((rule) => rule.rule === violation._tag);
      return yield* missing
        ? new ResourceNotFound({ streamId: target.streamId, reason: violation.detail })
        : Effect.fail(violation);
    }
    const metadata = {
      actor: { id: principal.id, roles: principal.roles },
      commandId,
      correlationId: envelope.correlationId ?? commandId,
      causationId: envelope.causationId ?? commandId,
      ...(idempotency === undefined ? {} : { idempotencyKey: idempotency.clientKey }),
    };
    // Validated before the staged work runs: a decider that emits an event its schema rejects
    // dies here, before a person's key is stored or deleted for events never appended.
    const toAppend = decided.right.map((event) => validated(spec, event, metadata));
    yield* whenAccepted;
    const created =
      toAppend.length > 0 && (spec.creates === "resource" || (spec.creates === "stream" && revision === "no-stream"));
    const answer: StoredAnswer = { id: target.resourceId, created };
    // At the revision read, which is also the If-Match revision when one was given.
    const appended = yield* store.append(
      target.streamId,
      toAppend,
      ExpectedRevision.fromActual(revision),
      idempotency === undefined
        ? { now }
        : { now, idempotency: { key: idempotency.key, fingerprint: idempotency.fingerprint, response: answer } },
    );
    const result: CommandResult = {
      id: target.resourceId,
      streamId: target.streamId,
      revision: appended.revision,
      position: appended.position,
      created,
    };
    return result;
  });

const stagedOf = <Command>(made: Command | StagedCommand<Command>): StagedCommand<Command> =>
  typeof made === "object" && made !== null && "whenAccepted" in made ? made : { command: made, whenAccepted: Effect.void };

/** A decider that emits a payload its own schema rejects is a bug, not a user error. */
const validated = <Event extends DomainEvent>(
  spec: { readonly name: string; readonly events: CommandSpec<z.ZodObject, unknown, Event, unknown>["events"] },
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

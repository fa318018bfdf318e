import { type DomainEvent, type RuleViolation, foldFrom, hasAnyRole, mayIssue } from "#domain";
import {
  type ActualRevision,
  type ConcurrencyConflict,
  type EnqueuedAppend,
  EventStore,
  type EventStoreService,
  type EventToAppend,
  ExpectedRevision,
  type StoreUnavailable,
  uuidV7,
} from "#event-store";
import type { KeyStoreUnavailable } from "#privacy";
import { Clock, Effect, Either, Exit, Option } from "effect";
import type { z } from "zod";
import { calendarDateOf } from "./calendar-day.js";
import type { CommandEnvelope, CommandResult } from "./command-envelope.js";
import type { CommandServices, CommandSpec, StagedCommand } from "./command-spec.js";
import { CommandStreams, type CommandStreamsService, oneAtATimeOn } from "./command-streams.js";
import { retryOnConflict } from "./conflict-retry.js";
import { Forbidden, type IdempotencyKeyReused, type InvalidInput, PreconditionFailed, ResourceNotFound } from "./errors.js";
import { type Idempotency, type StoredAnswer, idempotencyOf, storedAnswer } from "./idempotency.js";
import { parseInput } from "./parse-input.js";
import type { EnqueuedState } from "./enqueued-states.js";
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
 *
 * Where CommandStreams is provided, the commands of this process on one stream are
 * pipelined: each decides once the one before it has enqueued its append, on the state
 * that append will leave, and enqueues its own append as following it (AppendOptions.follows),
 * so that both commit in one transaction instead of one fsync each. If the one before
 * fails, the store refuses the follower, which decides again on the log.
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
    const streams = yield* Effect.serviceOption(CommandStreams);
    // Pipelined only over the store whose cache the command streams keep (see CommandStreams.over).
    const pipeline = Option.isSome(streams) && streams.value.states.store === store ? streams.value : undefined;
    // Each attempt decides and enqueues alone among this process's commands on its stream
    // (where CommandStreams is provided), then waits for its commit outside the queue, so
    // that the next command may decide meanwhile: only another process, or a failure of an
    // append it follows, can then move the stream from under its decision.
    const streamId = spec.target(input, ids.newId).streamId;
    const deciding = decideAndEnqueue(store, spec, { ...envelope, input }, ids, pipeline);
    // Not pipelined (no CommandStreams over this store), the next command would read the log
    // before this append commits and conflict with it: the commit is awaited in turn.
    const attempt = pipeline
      ? Effect.flatten(oneAtATimeOn(streamId, deciding))
      : oneAtATimeOn(streamId, Effect.flatten(deciding));
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
    const answered = Effect.catchTag(written, "IdempotencyKeyTaken", (taken) =>
      Effect.flatMap(storedAnswer(store, idempotency!), (answer) =>
        answer ? Effect.succeed(answer) : Effect.die(new Error(`Idempotency record ${taken.key} vanished`)),
      ),
    );
    if (idempotency === undefined) return yield* answered;
    // A request with the same key may also have been written while this one decided, and be
    // why this one was refused (its events broke a rule, moved the If-Match revision): a
    // repeated key is answered as the first request was, whatever came after it.
    return yield* Effect.catchIf(answered, isRefusal, (refusal) =>
      Effect.flatMap(storedAnswer(store, idempotency), (answer) => (answer ? Effect.succeed(answer) : Effect.fail(refusal))),
    );
  });

/** A refusal of the request itself, not a store that could not be reached. */
const isRefusal = (error: CommandError): boolean => error._tag !== "StoreUnavailable" && error._tag !== "KeyStoreUnavailable";

interface Attempt {
  readonly newId: string;
  readonly commandId: string;
  readonly idempotency: Idempotency | undefined;
}

/**
 * The decision, on the state the stream's enqueued appends will leave if there are any (and
 * no If-Match), else on the log; answers with the effect that awaits the append's commit.
 */
const decideAndEnqueue = <Input extends z.ZodObject, Command, Event extends DomainEvent, State>(
  store: EventStoreService,
  spec: CommandSpec<Input, Command, Event, State>,
  envelope: CommandEnvelope<z.output<Input>>,
  attempt: Attempt,
  pipeline: CommandStreamsService | undefined,
) =>
  Effect.gen(function* () {
    const target = spec.target(envelope.input, attempt.newId);
    const decideOn = (basis: Basis<State>) => decide(store, spec, envelope, attempt, pipeline, basis);
    const inFlight = pipeline?.enqueued.get(target.streamId, spec.decider);
    if (inFlight && envelope.expectedRevision === undefined) {
      const decided = yield* Effect.either(decideOn(inFlight));
      if (Either.isRight(decided)) return decided.right;
      // A refusal (a rule, the scope, a missing resource) on a state that may never come to
      // be stands only once it has: if the append before fails, decide again on the log.
      if (yield* committed(inFlight.append)) return yield* Effect.fail(decided.left);
    } else if (inFlight) {
      // If-Match names a committed revision: compared with one that may yet fail, it could
      // refuse a request that would hold, or let one through on a state never written.
      yield* committed(inFlight.append);
    }
    // A stream named by this command's newId has no events yet: reading it would only find
    // it missing, which cost about a sixth of such a command's CPU time (command-spec.ts newStream).
    const loaded: LoadedState<State> = target.newStream
      ? { state: spec.decider.initialState, revision: "no-stream" }
      : yield* loadState(store, target.streamId, spec.decider);
    return yield* decideOn(loaded);
  });

/** A state to decide on: read from the log, or left by an enqueued append (EnqueuedStates). */
type Basis<State> = LoadedState<State> | EnqueuedState<State>;

const committed = (append: EnqueuedAppend): Effect.Effect<boolean> => Effect.map(Effect.exit(append.outcome), Exit.isSuccess);

const decide = <Input extends z.ZodObject, Command, Event extends DomainEvent, State>(
  store: EventStoreService,
  spec: CommandSpec<Input, Command, Event, State>,
  envelope: CommandEnvelope<z.output<Input>>,
  { newId, commandId, idempotency }: Attempt,
  pipeline: CommandStreamsService | undefined,
  basis: Basis<State>,
) =>
  Effect.gen(function* () {
    const { input, principal, expectedRevision } = envelope;
    const target = spec.target(input, newId);
    const { state, revision } = basis;
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
    // At the revision read, which is also the If-Match revision when one was given; after
    // the append that left the state decided on, when it is not yet committed.
    const follows = "append" in basis ? basis.append : undefined;
    const enqueued = yield* store.enqueueAppend(target.streamId, toAppend, ExpectedRevision.fromActual(revision), {
      now,
      ...(idempotency && { idempotency: { key: idempotency.key, fingerprint: idempotency.fingerprint, response: answer } }),
      ...(follows && { follows }),
    });
    if (pipeline) offerToFollowers(pipeline, spec.decider, target.streamId, basis, toAppend, enqueued);
    return Effect.map(enqueued.outcome, (appended): CommandResult => ({
      id: target.resourceId,
      streamId: target.streamId,
      revision: appended.revision,
      position: appended.position,
      created,
    }));
  });

/**
 * Offers the state the append leaves to the next command on the stream (EnqueuedStates)
 * until the append has settled; committed, the state goes to the cache of committed
 * states, so the next command need not read back what this one wrote (as the store settles
 * the append, whether or not this command's fiber is still there to see it).
 *
 * The state is folded from the events as validated for the store (what the log will hold),
 * by the fold a later read would use.
 */
const offerToFollowers = <Event extends DomainEvent, State>(
  { enqueued: states, states: cache }: CommandStreamsService,
  decider: CommandSpec<z.ZodObject, unknown, Event, State>["decider"],
  streamId: string,
  basis: Basis<State>,
  events: ReadonlyArray<EventToAppend>,
  enqueued: EnqueuedAppend,
) => {
  const state = foldFrom(decider, basis.state, events as unknown as ReadonlyArray<Event>);
  const revision: ActualRevision =
    events.length === 0 ? basis.revision : (basis.revision === "no-stream" ? -1 : basis.revision) + events.length;
  states.record(streamId, decider, { state, revision, append: enqueued }, "append" in basis ? basis : undefined);
  enqueued.whenSettled((exit) => {
    if (Exit.isSuccess(exit) && revision !== "no-stream") cache.put(streamId, decider, { state, revision });
  });
};

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

import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  type Position,
  START,
  STREAM_EXISTS,
  excludeSystemEvents,
} from "@eventstore/db-client";
import { Chunk, Duration, Effect, Option, Schedule, type Scope, Stream } from "effect";
import { uuidV7 } from "../ids/uuid-v7.js";
import { canonicalJson } from "../integrity/canonical-json.js";
import { hashCanonicalParts } from "../integrity/event-hash.js";
import { ConcurrencyConflict, IdempotencyKeyTaken, ImportRejected, StoreUnavailable, StreamNotFound } from "../port/errors.js";
import type {
  AppendOptions,
  AppendResult,
  EventStoreService,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from "../port/event-store.js";
import { type ExpectedRevision, isSatisfied } from "../port/expected-revision.js";
import type { IdempotencyRecord } from "../port/idempotency-record.js";
import { type EventToAppend, GENESIS_HASH, type RecordedEvent } from "../port/recorded-event.js";
import type { EsdbClient } from "./esdb-client.js";
import { type StoredEsdbEvent, fromEsdbEvent, toEsdbEvent } from "./esdb-envelope.js";
import { translateError } from "./esdb-errors.js";
import { EVENTS_PER_COMMIT, readStart } from "./esdb-positions.js";
import {
  ABANDONED_AFTER_MS,
  type ClaimData,
  claimEvent,
  claimState,
  claimStream,
  recordOf,
  releaseEvent,
} from "./idempotency-claims.js";

export interface EventStoreDbOptions {
  readonly clock?: () => Date;
  /** How transient failures (a leader change, a node restarting) are retried. */
  readonly retry?: Schedule.Schedule<unknown, unknown>;
  readonly pageSize?: number;
}

type AppendError = ConcurrencyConflict | IdempotencyKeyTaken | StoreUnavailable;

interface Head {
  readonly revision: number;
  readonly hash: string;
}

/** Quick, jittered, bounded: long enough to ride out a leader election. */
const defaultRetry = Schedule.exponential(Duration.millis(50)).pipe(
  Schedule.jittered,
  Schedule.intersect(Schedule.recurs(6)),
);

const comparePositions = (a: Position, b: Position): number =>
  a.commit === b.commit ? (a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1) : a.commit < b.commit ? -1 : 1;

/**
 * The event-store port on EventStoreDB/KurrentDB, for deployments that outgrow one
 * machine. Events keep the very envelope (ids, recordedAt, hashes) the embedded store
 * writes, so a log moves between the two and still verifies.
 */
export class EventStoreDbEventStore implements EventStoreService {
  readonly densePositions = false;
  private readonly clock: () => Date;
  private readonly retry: Schedule.Schedule<unknown, unknown>;
  private readonly pageSize: number;
  private lastRecordedAt = "";

  constructor(
    private readonly client: EsdbClient,
    options: EventStoreDbOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.retry = options.retry ?? defaultRetry;
    this.pageSize = options.pageSize ?? 500;
  }

  static acquire(connectionString: string, options: EventStoreDbOptions = {}): Effect.Effect<EventStoreDbEventStore, StoreUnavailable, Scope.Scope> {
    return Effect.acquireRelease(
      Effect.try({
        try: () => new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options),
        catch: (cause) => new StoreUnavailable({ reason: `cannot connect to EventStoreDB: ${String(cause)}`, cause }),
      }),
      (store) => Effect.promise(() => store.client.dispose()),
    );
  }

  append = (
    streamId: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Effect.Effect<AppendResult, AppendError> =>
    Effect.gen(this, function* () {
      if (events.length > EVENTS_PER_COMMIT) {
        return yield* new StoreUnavailable({ reason: `an append holds at most ${EVENTS_PER_COMMIT} events` });
      }
      const head = yield* this.headOf(streamId);
      const actual = head ? head.revision : ("no-stream" as const);
      if (!isSatisfied(expected, actual)) return yield* new ConcurrencyConflict({ streamId, expected, actual });
      const recorded = this.envelopes(streamId, head, events);
      const claim = options.idempotency && {
        ...options.idempotency,
        streamId,
        eventIds: recorded.map((event) => event.eventId),
        claimedAt: this.clock().toISOString(),
        ...(recorded.length === 0 ? { revision: head?.revision ?? -1, position: yield* this.headPosition } : {}),
      };
      if (claim) yield* this.claim(claim);
      if (recorded.length === 0) {
        return { streamId, revision: head?.revision ?? -1, position: claim?.position ?? (yield* this.headPosition), recordedAt: this.clock().toISOString() };
      }
      // The chain must continue the head it was hashed against: the server checks that exact revision.
      const written = yield* this.attempt(streamId, expected, () =>
        this.client.appendToStream(streamId, recorded.map(toEsdbEvent), {
          expectedRevision: head ? BigInt(head.revision) : NO_STREAM,
        }),
      ).pipe(
        Effect.catchTag("StreamNotFound", Effect.die),
        // Only a lost race proves the append did not happen; after an unavailable server it may
        // have, and the claim must stand (it expires if its events never arrive).
        Effect.tapError((error) =>
          claim && error._tag === "ConcurrencyConflict" ? this.release(claim.key, "the append lost its race") : Effect.void,
        ),
      );
      const last = recorded.at(-1)!;
      return {
        streamId,
        revision: Number(written.nextExpectedRevision),
        position: written.position ? Number(written.position.commit) * EVENTS_PER_COMMIT + recorded.length - 1 : 0,
        recordedAt: last.recordedAt,
      };
    }).pipe(
      // Another writer moved the stream after we read it, but the caller accepts any head:
      // hash against the new head and write again.
      Effect.retry({
        while: (error) => error._tag === "ConcurrencyConflict" && (expected.kind === "any" || expected.kind === "exists"),
        schedule: Schedule.recurs(5),
      }),
    );

  readStream = (streamId: string, options: ReadStreamOptions = {}): Effect.Effect<ReadonlyArray<RecordedEvent>, StreamNotFound | StoreUnavailable> =>
    Effect.gen(this, function* () {
      const backwards = options.direction === "backwards";
      const events = yield* this.attempt(streamId, { kind: "any" }, async () => {
        const found: RecordedEvent[] = [];
        const reading = this.client.readStream(streamId, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
          ...(options.maxCount === undefined || options.recordedUpTo !== undefined ? {} : { maxCount: options.maxCount }),
        });
        for await (const resolved of reading) {
          const event = resolved.event && fromEsdbEvent(resolved.event as StoredEsdbEvent);
          if (!event || (options.recordedUpTo !== undefined && event.recordedAt > options.recordedUpTo)) continue;
          found.push(event);
          if (found.length === options.maxCount) break;
        }
        return found;
      }).pipe(
        Effect.catchTag("StreamNotFound", () => Effect.succeed(undefined)),
        Effect.catchTag("ConcurrencyConflict", Effect.die),
      );
      if (events === undefined) return yield* Effect.fail(new StreamNotFound({ streamId }));
      if (events.length === 0 && options.recordedUpTo !== undefined) {
        // Nothing in range: the stream was unknown then if even its first event came later.
        const [first] = yield* this.readStream(streamId, { maxCount: 1 });
        if (!first || first.recordedAt > options.recordedUpTo) return yield* Effect.fail(new StreamNotFound({ streamId }));
      }
      return events;
    });

  readAll = (options: ReadAllOptions = {}): Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> =>
    Effect.map(this.readPage(options.fromPosition ?? 0, options.maxCount ?? Number.MAX_SAFE_INTEGER), (page) => page.events);

  subscribe = (options: SubscribeOptions): Stream.Stream<RecordedEvent, StoreUnavailable> => {
    let next = options.fromPosition;
    const batchSize = options.batchSize ?? this.pageSize;
    const fromNext = Stream.suspend(() => this.follow(next, batchSize));
    // A dropped connection or a leader change: subscribe again from the last event delivered.
    return fromNext.pipe(
      Stream.tap((event) => Effect.sync(() => (next = event.position + 1))),
      Stream.retry(Schedule.exponential(Duration.millis(100)).pipe(Schedule.union(Schedule.spaced(Duration.seconds(5))))),
    );
  };

  headPosition: Effect.Effect<number, StoreUnavailable> = Effect.suspend(() =>
    onlyUnavailable(
      this.attempt("$all", { kind: "any" }, async () => {
        // Back through $all until an event of ours: system events and idempotency claims may
        // stand after the last one, any number of them.
        for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END })) {
          const event = resolved.event && fromEsdbEvent(resolved.event as StoredEsdbEvent);
          if (event) return event.position;
        }
        return 0;
      }),
    ),
  );

  findIdempotencyRecord = (key: string): Effect.Effect<IdempotencyRecord | undefined, StoreUnavailable> =>
    Effect.gen(this, function* () {
      const state = yield* onlyUnavailable(this.attempt(claimStream(key), { kind: "any" }, () => claimState(this.client, key)));
      if (state.kind === "none") return undefined;
      const found = yield* this.findClaimedEvents(state.claim);
      const record = recordOf(state.claim, found);
      if (record) return record;
      if (this.clock().getTime() - Date.parse(state.claim.claimedAt) < ABANDONED_AFTER_MS) {
        return yield* new StoreUnavailable({ reason: `a request with idempotency key ${key} is still in progress; try again` });
      }
      yield* this.release(key, "abandoned: its events never arrived");
      return undefined;
    });

  importRecorded = (events: ReadonlyArray<RecordedEvent>): Effect.Effect<{ readonly imported: number }, ImportRejected | StoreUnavailable> =>
    Effect.gen(this, function* () {
      for (const run of consecutiveRuns(events)) {
        const first = run[0]!;
        yield* this.attempt(first.streamId, { kind: "any" }, () =>
          this.client.appendToStream(first.streamId, run.map(toEsdbEvent), {
            expectedRevision: first.revision === 0 ? NO_STREAM : BigInt(first.revision - 1),
          }),
        ).pipe(
          Effect.catchTag("ConcurrencyConflict", (conflict) =>
            Effect.fail(new ImportRejected({ reason: `${first.streamId} is at revision ${conflict.actual}, the import continues it at ${first.revision}` })),
          ),
          Effect.catchTag("StreamNotFound", Effect.die),
        );
      }
      return { imported: events.length };
    });

  /** Builds the envelopes the append will write: ids, the store clock and the hash chain. */
  private envelopes(streamId: string, head: Head | undefined, events: ReadonlyArray<EventToAppend>): RecordedEvent[] {
    const now = this.clock().toISOString();
    const recordedAt = now > this.lastRecordedAt ? now : this.lastRecordedAt;
    this.lastRecordedAt = recordedAt;
    let prevHash = head?.hash ?? GENESIS_HASH;
    return events.map((event, index) => {
      const scalars = { eventId: uuidV7(), type: event.type, schemaVersion: event.schemaVersion, streamId, revision: (head?.revision ?? -1) + index + 1, recordedAt };
      const metadata = { ...event.metadata, prevHash };
      const hash = hashCanonicalParts(scalars, canonicalJson(event.data), canonicalJson(metadata));
      prevHash = hash;
      return { ...scalars, position: 0, data: event.data, metadata: { ...metadata, hash } };
    });
  }

  private headOf(streamId: string): Effect.Effect<Head | undefined, StoreUnavailable> {
    return this.readStream(streamId, { direction: "backwards", maxCount: 1 }).pipe(
      Effect.map(([last]) => last && { revision: last.revision, hash: last.metadata.hash }),
      Effect.catchTag("StreamNotFound", () => Effect.succeed(undefined)),
    );
  }

  private claim(claim: ClaimData): Effect.Effect<void, IdempotencyKeyTaken | StoreUnavailable> {
    return Effect.gen(this, function* () {
      const state = yield* onlyUnavailable(this.attempt(claimStream(claim.key), { kind: "any" }, () => claimState(this.client, claim.key)));
      if (state.kind === "claimed") return yield* new IdempotencyKeyTaken({ key: claim.key });
      yield* this.attempt(claimStream(claim.key), { kind: "any" }, () =>
        this.client.appendToStream(claimStream(claim.key), [claimEvent(claim)], { expectedRevision: state.claimRevision }),
      ).pipe(
        Effect.catchTag("ConcurrencyConflict", () => Effect.fail(new IdempotencyKeyTaken({ key: claim.key }))),
        Effect.catchTag("StreamNotFound", Effect.die),
      );
    });
  }

  private release(key: string, reason: string): Effect.Effect<void, StoreUnavailable> {
    return this.attempt(claimStream(key), { kind: "exists" }, () =>
      this.client.appendToStream(claimStream(key), [releaseEvent(reason)], { expectedRevision: STREAM_EXISTS }),
    ).pipe(
      Effect.asVoid,
      Effect.catchTag("ConcurrencyConflict", () => Effect.void),
      Effect.catchTag("StreamNotFound", Effect.die),
    );
  }

  /** The claimed events in their stream, if they arrived: the last one answers for them. */
  private findClaimedEvents(claim: ClaimData) {
    if (claim.eventIds.length === 0) return Effect.succeed(undefined);
    const lastId = claim.eventIds.at(-1)!;
    return this.readStream(claim.streamId, { direction: "backwards" }).pipe(
      Effect.map((events) => {
        const last = events.find((event) => event.eventId === lastId);
        return last && { revision: last.revision, position: last.position, recordedAt: last.recordedAt };
      }),
      Effect.catchTag("StreamNotFound", () => Effect.succeed(undefined)),
    );
  }

  /** Our events from `fromPosition` on, at most `maxCount`, and where in $all the read ended. */
  private readPage(fromPosition: number, maxCount: number) {
    return onlyUnavailable(this.attempt("$all", { kind: "any" }, async () => {
      const start = readStart(Math.max(fromPosition, 0));
      const events: RecordedEvent[] = [];
      let from: Position = start.from;
      let lastSeen: Position | undefined;
      for (let firstPage = true; events.length < maxCount; firstPage = false) {
        let read = 0;
        for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: this.pageSize })) {
          read += 1;
          const raw = resolved.event;
          if (!raw?.position) continue;
          // Reads include their start: past the first page, that event was already taken.
          if (!firstPage && comparePositions(raw.position, from) === 0) continue;
          lastSeen = raw.position;
          const event = fromEsdbEvent(raw as StoredEsdbEvent);
          if (!event || event.position < fromPosition) continue;
          events.push(event);
          if (events.length === maxCount) break;
        }
        if (read < this.pageSize || !lastSeen || comparePositions(lastSeen, from) === 0) break;
        from = lastSeen;
      }
      return { events, lastSeen };
    }));
  }

  /** Catch-up from `fromPosition`, then live through a subscription to $all (system events excluded). */
  private follow(fromPosition: number, batchSize: number): Stream.Stream<RecordedEvent, StoreUnavailable> {
    let next = fromPosition;
    let after: Position | undefined;
    const remember = (lastSeen: Position | undefined) => {
      if (lastSeen && (!after || comparePositions(lastSeen, after) > 0)) after = lastSeen;
    };
    const catchUp = Stream.paginateChunkEffect(true, (more: boolean) =>
      Effect.map(this.readPage(next, batchSize), ({ events, lastSeen }) => {
        remember(lastSeen);
        const last = events.at(-1);
        if (last) next = last.position + 1;
        return [Chunk.unsafeFromArray(events), more && events.length === batchSize ? Option.some(true) : Option.none()] as const;
      }),
    );
    // The end of $all as it stood before one last look: anything later is live.
    const endOfLog = onlyUnavailable(
      this.attempt("$all", { kind: "any" }, async () => {
        for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
          if (resolved.event?.position) return resolved.event.position;
        }
        return undefined;
      }),
    );
    const live = Stream.unwrap(
      Effect.gen(this, function* () {
        remember(yield* endOfLog);
        const { events, lastSeen } = yield* this.readPage(next, Number.MAX_SAFE_INTEGER);
        remember(lastSeen);
        const last = events.at(-1);
        if (last) next = last.position + 1;
        const subscription = this.client.subscribeToAll({ fromPosition: after ?? START, filter: excludeSystemEvents() });
        const delivered = Stream.fromAsyncIterable(subscription, (cause) => toUnavailable(cause)).pipe(
          Stream.filterMap((resolved) => Option.fromNullable(resolved.event && fromEsdbEvent(resolved.event as StoredEsdbEvent))),
          Stream.filter((event) => event.position >= next),
          Stream.ensuring(Effect.promise(() => subscription.unsubscribe())),
        );
        return Stream.concat(Stream.fromIterable(events), delivered);
      }),
    );
    return Stream.concat(catchUp, live);
  }

  /** Runs a client call; retries what is safe to retry, translates what the server said. */
  private attempt<A>(
    streamId: string,
    expected: ExpectedRevision,
    call: () => Promise<A>,
  ): Effect.Effect<A, ConcurrencyConflict | StoreUnavailable | StreamNotFound> {
    const once: Effect.Effect<A, ConcurrencyConflict | StoreUnavailable | StreamNotFound> = Effect.tryPromise({
      try: call,
      catch: (error) => error,
    }).pipe(
      Effect.catchAll((error): Effect.Effect<never, ConcurrencyConflict | StoreUnavailable | StreamNotFound> => {
        const translated = translateError(error, streamId, expected);
        switch (translated.kind) {
          case "conflict":
          case "unavailable":
            return Effect.fail(translated.error);
          case "stream-not-found":
            return Effect.fail(new StreamNotFound({ streamId }));
          default:
            return Effect.die(translated.error);
        }
      }),
    );
    return Effect.retry(once, { schedule: this.retry, while: (error) => error._tag === "StoreUnavailable" });
  }
}

/** For calls that can only fail by the store being unavailable: anything else is a bug. */
const onlyUnavailable = <A, R>(
  effect: Effect.Effect<A, ConcurrencyConflict | StoreUnavailable | StreamNotFound, R>,
): Effect.Effect<A, StoreUnavailable, R> =>
  effect.pipe(Effect.catchTag("ConcurrencyConflict", Effect.die), Effect.catchTag("StreamNotFound", Effect.die));

const toUnavailable = (cause: unknown): StoreUnavailable => {
  const translated = translateError(cause, "$all", { kind: "any" });
  return translated.kind === "unavailable"
    ? translated.error
    : new StoreUnavailable({ reason: `the subscription to $all ended: ${cause instanceof Error ? cause.message : String(cause)}`, cause });
};

/** Consecutive events of one stream, at most one append's worth each: how an import writes them. */
function consecutiveRuns(events: ReadonlyArray<RecordedEvent>): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of events) {
    const run = runs.at(-1);
    if (run && run[0]!.streamId === event.streamId && run.length < EVENTS_PER_COMMIT) run.push(event);
    else runs.push([event]);
  }
  return runs;
}

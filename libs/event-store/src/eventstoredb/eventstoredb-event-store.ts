import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  type Position,
  START,
  excludeSystemEvents,
} from "@eventstore/db-client";
import { Chunk, Duration, Effect, Option, Schedule, type Scope, Stream } from "effect";
import { type StreamHead, chainEvents, nextRecordedAt, serialiseEvent } from "../integrity/hash-chain.js";
import { ConcurrencyConflict, IdempotencyKeyTaken, ImportRejected, StoreUnavailable, StreamNotFound } from "../port/errors.js";
import type {
  AppendOptions,
  AppendResult,
  EventStoreService,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from "../port/event-store.js";
import type { EventStoreAdminService } from "../port/event-store-admin.js";
import { ExpectedRevision, isSatisfied } from "../port/expected-revision.js";
import type { IdempotencyRecord } from "../port/idempotency-record.js";
import type { EventToAppend, RecordedEvent } from "../port/recorded-event.js";
import type { EsdbClient } from "./esdb-client.js";
import { type StoredEsdbEvent, fromEsdbEvent, toEsdbEvent } from "./esdb-envelope.js";
import { translateError } from "./esdb-errors.js";
import { EVENTS_PER_COMMIT, readStart, toPosition } from "./esdb-positions.js";
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

/** A stream's last event, as the next append continues it. */
interface Head extends StreamHead {
  readonly recordedAt: string;
}

/** A claim of an idempotency key, at its revision in the key's claim stream. */
interface ClaimedKey {
  readonly key: string;
  readonly revision: bigint;
}

/** Quick, jittered, bounded: long enough to ride out a leader election. */
const defaultRetry = Schedule.exponential(Duration.millis(50)).pipe(Schedule.jittered, Schedule.intersect(Schedule.recurs(6)));

const comparePositions = (a: Position, b: Position): number =>
  a.commit === b.commit ? (a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1) : a.commit < b.commit ? -1 : 1;

/**
 * The event-store port on EventStoreDB/KurrentDB, for deployments that outgrow one
 * machine. Events keep the very envelope (ids, recordedAt, hashes) the embedded store
 * writes, so a log moves between the two and still verifies.
 */
export class EventStoreDbEventStore implements EventStoreService, EventStoreAdminService {
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

  static acquire(
    connectionString: string,
    options: EventStoreDbOptions = {},
  ): Effect.Effect<EventStoreDbEventStore, StoreUnavailable, Scope.Scope> {
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
        // Positions tell the events of one append apart by their index in it (esdb-positions).
        return yield* Effect.dieMessage(`An append holds at most ${EVENTS_PER_COMMIT} events, not ${events.length}`);
      }
      const head = yield* this.headOf(streamId);
      const actual = head ? head.revision : ("no-stream" as const);
      if (!isSatisfied(expected, actual)) return yield* new ConcurrencyConflict({ streamId, expected, actual });
      const recorded = this.envelopes(streamId, head, events, options.now);
      const claim: ClaimData | undefined = options.idempotency && {
        ...options.idempotency,
        streamId,
        eventIds: recorded.map((event) => event.eventId),
        claimedAt: this.clock().toISOString(),
        ...(recorded.length === 0
          ? { revision: head?.revision ?? -1, position: yield* this.headPosition }
          : { firstRevision: recorded[0]!.revision }),
      };
      const claimed = claim && (yield* this.claim(claim));
      if (recorded.length === 0) {
        return {
          streamId,
          revision: head?.revision ?? -1,
          position: claim?.position ?? (yield* this.headPosition),
          recordedAt: (options.now ?? this.clock()).toISOString(),
        };
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
          claimed && error._tag === "ConcurrencyConflict" ? this.release(claimed, "the append lost its race") : Effect.void,
        ),
      );
      return {
        streamId,
        revision: Number(written.nextExpectedRevision),
        position: written.position ? toPosition(written.position.commit, recorded.length - 1) : 0,
        recordedAt: recorded.at(-1)!.recordedAt,
      };
    }).pipe(
      // Another writer moved the stream after we read it, to a head the caller still accepts
      // ("any", "exists"): hash against the new head and write again. A conflict with the
      // caller's own expectation is final.
      Effect.retry({
        while: (error) => error._tag === "ConcurrencyConflict" && isSatisfied(expected, error.actual),
        schedule: Schedule.recurs(5),
      }),
    );

  readStream = (
    streamId: string,
    options: ReadStreamOptions = {},
  ): Effect.Effect<ReadonlyArray<RecordedEvent>, StreamNotFound | StoreUnavailable> =>
    Effect.gen(this, function* () {
      const backwards = options.direction === "backwards";
      const upTo = options.recordedUpTo;
      // Backwards, the events past `upTo` come first and do not count towards maxCount.
      const serverCount =
        options.maxCount === undefined || (backwards && upTo !== undefined) ? {} : { maxCount: options.maxCount };
      const events = yield* this.attempt(streamId, { kind: "any" }, async () => {
        const found: RecordedEvent[] = [];
        const reading = this.client.readStream(streamId, {
          direction: backwards ? BACKWARDS : FORWARDS,
          fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
          ...serverCount,
        });
        for await (const resolved of reading) {
          const event = resolved.event && fromEsdbEvent(resolved.event as StoredEsdbEvent);
          if (!event) continue;
          if (upTo !== undefined && event.recordedAt > upTo) {
            // recordedAt never decreases along a stream: forwards, nothing after this is in range.
            if (backwards) continue;
            break;
          }
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
      yield* this.release({ key, revision: state.claimRevision }, "abandoned: its events never arrived");
      return undefined;
    });

  importRecorded = (
    events: ReadonlyArray<RecordedEvent>,
  ): Effect.Effect<{ readonly imported: number }, ImportRejected | StoreUnavailable> =>
    Effect.gen(this, function* () {
      for (const run of consecutiveRuns(events)) {
        const first = run[0]!;
        yield* this.attempt(first.streamId, { kind: "any" }, () =>
          this.client.appendToStream(first.streamId, run.map(toEsdbEvent), {
            expectedRevision: first.revision === 0 ? NO_STREAM : BigInt(first.revision - 1),
          }),
        ).pipe(
          Effect.catchTag("ConcurrencyConflict", (conflict) =>
            Effect.fail(
              new ImportRejected({
                reason: `${first.streamId} is at revision ${conflict.actual}, the import continues it at ${first.revision}`,
              }),
            ),
          ),
          Effect.catchTag("StreamNotFound", Effect.die),
        );
      }
      return { imported: events.length };
    });

  /** Builds the envelopes the append will write: ids, the writer's or the store's clock, and the hash chain. */
  private envelopes(
    streamId: string,
    head: Head | undefined,
    events: ReadonlyArray<EventToAppend>,
    now: Date | undefined,
  ): Array<Omit<RecordedEvent, "position">> {
    // The head may have been stamped by another API instance, whose clock runs ahead of ours.
    const recordedAt = nextRecordedAt(now ?? this.clock(), this.lastRecordedAt, head?.recordedAt);
    this.lastRecordedAt = recordedAt;
    return chainEvents(streamId, head, recordedAt, events.map(serialiseEvent)).map((event) => event.envelope);
  }

  private headOf(streamId: string): Effect.Effect<Head | undefined, StoreUnavailable> {
    return this.readStream(streamId, { direction: "backwards", maxCount: 1 }).pipe(
      Effect.map(([last]) => last && { revision: last.revision, hash: last.metadata.hash, recordedAt: last.recordedAt }),
      Effect.catchTag("StreamNotFound", () => Effect.succeed(undefined)),
    );
  }

  private claim(claim: ClaimData): Effect.Effect<ClaimedKey, IdempotencyKeyTaken | StoreUnavailable> {
    return Effect.gen(this, function* () {
      const stream = claimStream(claim.key);
      const state = yield* onlyUnavailable(this.attempt(stream, { kind: "any" }, () => claimState(this.client, claim.key)));
      if (state.kind === "claimed") return yield* new IdempotencyKeyTaken({ key: claim.key });
      // Built once, so a retried write carries the same event id and the server deduplicates it.
      const event = claimEvent(claim);
      const written = yield* this.attempt(stream, { kind: "any" }, () =>
        this.client.appendToStream(stream, [event], { expectedRevision: state.claimRevision }),
      ).pipe(
        Effect.catchTag("ConcurrencyConflict", () => Effect.fail(new IdempotencyKeyTaken({ key: claim.key }))),
        Effect.catchTag("StreamNotFound", Effect.die),
      );
      return { key: claim.key, revision: written.nextExpectedRevision };
    });
  }

  /** Releases exactly this claim: a release that comes late must not free a newer claim of the key. */
  private release(claimed: ClaimedKey, reason: string): Effect.Effect<void, StoreUnavailable> {
    const stream = claimStream(claimed.key);
    const event = releaseEvent(reason);
    return this.attempt(stream, ExpectedRevision.at(Number(claimed.revision)), () =>
      this.client.appendToStream(stream, [event], { expectedRevision: claimed.revision }),
    ).pipe(
      Effect.asVoid,
      // Released already, or claimed anew since: either way no longer this claim to release.
      Effect.catchTag("ConcurrencyConflict", () => Effect.void),
      Effect.catchTag("StreamNotFound", Effect.die),
    );
  }

  /** Where the claimed events were stored, if they arrived: the last one answers for them. */
  private findClaimedEvents(claim: ClaimData) {
    if (claim.firstRevision === undefined) return Effect.succeed(undefined);
    const lastId = claim.eventIds.at(-1)!;
    return this.readStream(claim.streamId, { fromRevision: claim.firstRevision + claim.eventIds.length - 1, maxCount: 1 }).pipe(
      Effect.map(([last]) =>
        last && last.eventId === lastId
          ? { revision: last.revision, position: last.position, recordedAt: last.recordedAt }
          : undefined,
      ),
      Effect.catchTag("StreamNotFound", () => Effect.succeed(undefined)),
    );
  }

  /** Our events from `fromPosition` on, at most `maxCount`, and where in $all the read ended. */
  private readPage(fromPosition: number, maxCount: number) {
    return onlyUnavailable(
      this.attempt("$all", { kind: "any" }, async () => {
        const start = readStart(Math.max(fromPosition, 0));
        const events: RecordedEvent[] = [];
        let from: Position = start.from;
        let lastSeen: Position | undefined;
        for (let firstPage = true; events.length < maxCount; firstPage = false) {
          let read = 0;
          for await (const resolved of this.client.readAll({
            direction: FORWARDS,
            fromPosition: from,
            maxCount: this.pageSize,
          })) {
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
      }),
    );
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
        const delivered = Stream.fromAsyncIterable(subscription, (cause) => cause).pipe(
          Stream.catchAll(subscriptionEnded),
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

/**
 * A dropped connection or a leader change ends a subscription with StoreUnavailable, which
 * subscribe answers by subscribing again; anything else (access denied, a bug) would fail
 * again the same way, so it ends the stream.
 */
const subscriptionEnded = (cause: unknown): Stream.Stream<never, StoreUnavailable> => {
  const translated = translateError(cause, "$all", { kind: "any" });
  return translated.kind === "unavailable" ? Stream.fail(translated.error) : Stream.die(cause);
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

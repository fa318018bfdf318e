import {
  type AppendExpectedRevision,
  BACKWARDS,
  DeadlineExceededError,
  END,
  type EventData,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  type Position,
  START,
  UnavailableError,
  excludeSystemEvents,
} from "@eventstore/db-client";
import { Chunk, Data, Duration, Effect, Option, Schedule, type Scope, Stream } from "effect";
import { type StreamHead, chainEnvelopes, nextRecordedAt } from "../integrity/hash-chain.js";
import { type AppendError, EnqueuedAppend } from "../port/enqueued-append.js";
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
import { type LogCursor, type LogCursorOptions, readAllCursor } from "../port/log-cursor.js";
import type { EventToAppend, RecordedEvent } from "../port/recorded-event.js";
import type { EsdbClient } from "./esdb-client.js";
import { type StoredEsdbEvent, fromEsdbEvent, toEsdbEvent } from "./esdb-envelope.js";
import { translateError } from "./esdb-errors.js";
import { MAX_EVENTS_PER_APPEND, isKnownPosition, readStart, toPosition } from "./esdb-positions.js";
import { readUntil } from "./esdb-reads.js";
import {
  ABANDONED_AFTER_MS,
  CLAIMED_APPEND_WINDOW_MS,
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
  /**
   * The most bytes of event data, metadata and type one append may carry: the server's
   * MaxAppendSize (1 MiB by default up to 24.10). An import splits its runs to stay under it.
   */
  readonly maxAppendBytes?: number;
}

/**
 * How long the server may take over one append before the client gives up on it. Set here
 * rather than left at the client's 10 s: the retries of a claimed append must all end well
 * within the time after which its claim counts as abandoned (CLAIMED_APPEND_WINDOW_MS).
 * Reads and subscriptions are streaming calls without a deadline in the client.
 */
export const APPEND_DEADLINE_MS = 5_000;

/** A stream's last event, as the next append continues it. */
interface Head extends StreamHead {
  readonly recordedAt: string;
}

/** A claim of an idempotency key, at its revision in the key's claim stream. */
interface ClaimedKey {
  readonly key: string;
  readonly revision: bigint;
}

/** Quick, jittered, bounded: long enough to ride out a leader election (7 tries, at most ~40 s with deadlines). */
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
  /** The cluster checks its own chunks (their checksums, on read and on its scavenges). */
  readonly checkStorage: Effect.Effect<ReadonlyArray<string>> = Effect.succeed([]);
  private readonly clock: () => Date;
  private readonly retry: Schedule.Schedule<unknown, unknown>;
  private readonly pageSize: number;
  private readonly maxAppendBytes: number;
  private lastRecordedAt = "";

  constructor(
    private readonly client: EsdbClient,
    options: EventStoreDbOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.retry = options.retry ?? defaultRetry;
    this.pageSize = options.pageSize ?? 500;
    this.maxAppendBytes = options.maxAppendBytes ?? 1024 * 1024;
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
    options.follows && !options.follows.committed
      ? // Decided on a state that included an append that failed: never written, whatever the head.
        Effect.flatMap(this.headOf(streamId), (head) =>
          Effect.fail(new ConcurrencyConflict({ streamId, expected, actual: head ? head.revision : "no-stream" })),
        )
      : this.appendAfterHead(streamId, events, expected, options);

  /**
   * Appends one at a time, as a round trip to the server each: answered once written, so a
   * follower is only ever enqueued after its leader has settled (no pipelining here).
   */
  enqueueAppend = (
    streamId: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Effect.Effect<EnqueuedAppend> =>
    Effect.map(Effect.exit(this.append(streamId, events, expected, options)), EnqueuedAppend.settled);

  private appendAfterHead = (
    streamId: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
    options: AppendOptions,
  ): Effect.Effect<AppendResult, AppendError> =>
    Effect.gen(this, function* () {
      if (events.length > MAX_EVENTS_PER_APPEND) {
        // Split, it would no longer be atomic; no command writes anywhere near this many.
        return yield* Effect.dieMessage(
          `An append to EventStoreDB holds at most ${MAX_EVENTS_PER_APPEND} events (see esdb-positions), not ${events.length}`,
        );
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
      // The chain must continue the head it was hashed against: the server checks that exact
      // revision, and with an exact revision it also answers a repeated append from its index
      // (IndexWriter.cs, "strong idempotency checks"), however long ago the first one landed.
      const toWrite = recorded.map(toEsdbEvent);
      // A claimed append must not land after its claim may be taken for abandoned and released.
      const until = claim && Date.parse(claim.claimedAt) + CLAIMED_APPEND_WINDOW_MS;
      const written = yield* this.attempt(streamId, expected, () =>
        this.send(streamId, toWrite, head ? BigInt(head.revision) : NO_STREAM, until),
      ).pipe(
        Effect.catchTag("StreamNotFound", Effect.die),
        // Refused whole, so certainly not written: its claim goes, and the same request fails the same way again.
        Effect.catchTag("AppendTooLarge", (tooLarge) =>
          Effect.zipRight(
            claimed ? this.release(claimed, "the append was too large") : Effect.void,
            Effect.fail(new StoreUnavailable({ reason: `${streamId}: ${tooLarge.message}` })),
          ),
        ),
        // Only a lost race proves the append did not happen; after an unavailable server it may
        // have, and the claim must stand (it expires if its events never arrive).
        Effect.tapError((error) =>
          claimed && error._tag === "ConcurrencyConflict" ? this.release(claimed, "the append lost its race") : Effect.void,
        ),
      );
      // The server answers with the last event's position, for a first append as for a
      // repeated one (StorageChaser.cs: the TransactionEnd record; IndexWriter.cs: the end
      // event). Without one (a repeat whose events are not yet indexed), read it back.
      const revision = Number(written.nextExpectedRevision);
      const position = isKnownPosition(written.position)
        ? toPosition(written.position.commit, recorded.length - 1)
        : yield* this.positionOf(streamId, revision);
      return { streamId, revision, position, recordedAt: recorded.at(-1)!.recordedAt };
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
        await readUntil(reading, (resolved) => {
          const event = resolved.event && fromEsdbEvent(resolved.event as StoredEsdbEvent);
          if (!event) return true;
          // recordedAt never decreases along a stream: forwards, nothing after this is in range.
          if (upTo !== undefined && event.recordedAt > upTo) return backwards;
          found.push(event);
          return found.length !== options.maxCount;
        });
        return found;
      }).pipe(
        Effect.catchTag("StreamNotFound", () => Effect.succeed(undefined)),
        Effect.catchTag("ConcurrencyConflict", Effect.die),
        Effect.catchTag("AppendTooLarge", Effect.die),
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

  // The server sends a page as it is asked for it: no thread here would read sooner.
  openLogCursor = (options: LogCursorOptions): Effect.Effect<LogCursor> => Effect.succeed(readAllCursor(this.readAll, options));

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
        // Back through $all, a page at a time, until an event of ours: system events and
        // idempotency claims may stand after the last one, any number of them.
        let from: Position | typeof END = END;
        for (;;) {
          let found: number | undefined;
          let read = 0;
          let lastSeen: Position | undefined;
          await readUntil(
            this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: this.pageSize }),
            (resolved) => {
              read += 1;
              const raw = resolved.event;
              // Reads include their start: past the first page, that event was already looked at.
              if (!raw?.position || (from !== END && comparePositions(raw.position, from) === 0)) return true;
              lastSeen = raw.position;
              found = fromEsdbEvent(raw as StoredEsdbEvent)?.position;
              return found === undefined;
            },
          );
          if (found !== undefined) return found;
          if (read < this.pageSize || !lastSeen) return 0;
          from = lastSeen;
        }
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
      for (const run of consecutiveRuns(events, this.maxAppendBytes)) {
        const first = run[0]!;
        const toWrite = run.map(toEsdbEvent);
        yield* this.attempt(first.streamId, { kind: "any" }, () =>
          this.send(first.streamId, toWrite, first.revision === 0 ? NO_STREAM : BigInt(first.revision - 1)),
        ).pipe(
          Effect.catchTag("AppendTooLarge", (tooLarge) =>
            Effect.fail(new ImportRejected({ reason: `${first.streamId} at revision ${first.revision}: ${tooLarge.message}` })),
          ),
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
    return chainEnvelopes(streamId, head, recordedAt, events);
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
      const written = yield* this.attempt(stream, { kind: "any" }, () => this.send(stream, [event], state.claimRevision)).pipe(
        Effect.catchTag("ConcurrencyConflict", () => Effect.fail(new IdempotencyKeyTaken({ key: claim.key }))),
        Effect.catchTag("StreamNotFound", Effect.die),
        Effect.catchTag("AppendTooLarge", Effect.die),
      );
      return { key: claim.key, revision: written.nextExpectedRevision };
    });
  }

  /** Releases exactly this claim: a release that comes late must not free a newer claim of the key. */
  private release(claimed: ClaimedKey, reason: string): Effect.Effect<void, StoreUnavailable> {
    const stream = claimStream(claimed.key);
    const event = releaseEvent(reason);
    return this.attempt(stream, ExpectedRevision.at(Number(claimed.revision)), () =>
      this.send(stream, [event], claimed.revision),
    ).pipe(
      Effect.asVoid,
      // Released already, or claimed anew since: either way no longer this claim to release.
      Effect.catchTag("ConcurrencyConflict", () => Effect.void),
      Effect.catchTag("StreamNotFound", Effect.die),
      Effect.catchTag("AppendTooLarge", Effect.die),
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

  /** One append call, with a deadline, and none begun after `until` (by the store's clock, ms). */
  private send(streamId: string, events: EventData[], expectedRevision: AppendExpectedRevision, until?: number) {
    const deadline = until === undefined ? APPEND_DEADLINE_MS : Math.min(APPEND_DEADLINE_MS, until - this.clock().getTime());
    if (deadline <= 0) {
      return Promise.reject(new DeadlineExceededError(undefined, `no time left to append to ${streamId} within its claim`));
    }
    return this.client.appendToStream(streamId, events, { expectedRevision, deadline });
  }

  /** Where the event at `revision` of `streamId` stands in $all. */
  private positionOf(streamId: string, revision: number): Effect.Effect<number, StoreUnavailable> {
    return this.readStream(streamId, { fromRevision: revision, maxCount: 1 }).pipe(
      Effect.flatMap(([event]) =>
        event ? Effect.succeed(event.position) : Effect.dieMessage(`${streamId} has no revision ${revision} just written`),
      ),
      Effect.catchTag("StreamNotFound", Effect.die),
    );
  }

  /** Our events from `fromPosition` on, at most `maxCount`, and where in $all the read ended. */
  private readPage(fromPosition: number, maxCount: number) {
    return onlyUnavailable(
      this.attempt("$all", { kind: "any" }, async () => {
        const events: RecordedEvent[] = [];
        let from: Position = readStart(Math.max(fromPosition, 0));
        let lastSeen: Position | undefined;
        for (let firstPage = true; events.length < maxCount; firstPage = false) {
          let read = 0;
          const reading = this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: this.pageSize });
          await readUntil(reading, (resolved) => {
            read += 1;
            const raw = resolved.event;
            if (!raw?.position) return true;
            // Reads include their start: past the first page, that event was already taken.
            if (!firstPage && comparePositions(raw.position, from) === 0) return true;
            lastSeen = raw.position;
            const event = fromEsdbEvent(raw as StoredEsdbEvent);
            if (!event || event.position < fromPosition) return true;
            events.push(event);
            return events.length < maxCount;
          });
          if (read < this.pageSize || !lastSeen || comparePositions(lastSeen, from) === 0) break;
          // Every event's commit position is the start of its record: a valid place to read from.
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
        let end: Position | undefined;
        await readUntil(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }), (resolved) => {
          end = resolved.event?.position;
          return false;
        });
        return end;
      }),
    );
    const live = Stream.unwrap(
      Effect.gen(this, function* () {
        remember(yield* endOfLog);
        const { events, lastSeen } = yield* this.readPage(next, Number.MAX_SAFE_INTEGER);
        remember(lastSeen);
        const last = events.at(-1);
        if (last) next = last.position + 1;
        // The server starts a subscription strictly after the position it is given: `after`
        // is the last record already looked at.
        const subscription = this.client.subscribeToAll({ fromPosition: after ?? START, filter: excludeSystemEvents() });
        const delivered = Stream.fromAsyncIterable(subscription, (cause) => cause).pipe(
          // A subscription to $all never ends by itself: the server ended it (a node shutting
          // down, the subscription lagging too far behind). Subscribe again, as after a drop.
          Stream.concat(Stream.fail(endedByServer)),
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
  private attempt<A>(streamId: string, expected: ExpectedRevision, call: () => Promise<A>): Effect.Effect<A, CallError> {
    const once: Effect.Effect<A, CallError> = Effect.tryPromise({
      try: call,
      catch: (error) => error,
    }).pipe(
      Effect.catchAll((error): Effect.Effect<never, CallError> => {
        const translated = translateError(error, streamId, expected);
        switch (translated.kind) {
          case "conflict":
          case "unavailable":
            return Effect.fail(translated.error);
          case "stream-not-found":
            return Effect.fail(new StreamNotFound({ streamId }));
          case "too-large":
            return Effect.fail(new AppendTooLarge({ maxAppendSize: translated.maxAppendSize }));
          default:
            return Effect.die(translated.error);
        }
      }),
    );
    return Effect.retry(once, { schedule: this.retry, while: (error) => error._tag === "StoreUnavailable" });
  }
}

/** The server refused an append as larger than its MaxAppendSize: retrying cannot help. */
class AppendTooLarge extends Data.TaggedError("AppendTooLarge")<{ readonly maxAppendSize: number }> {
  override get message() {
    return `the append is larger than the server accepts in one append (MaxAppendSize, ${this.maxAppendSize} bytes)`;
  }
}

/** How one client call can fail, as the port sees it. */
type CallError = ConcurrencyConflict | StoreUnavailable | StreamNotFound | AppendTooLarge;

/** For calls that can only fail by the store being unavailable: anything else is a bug. */
const onlyUnavailable = <A, R>(effect: Effect.Effect<A, CallError, R>): Effect.Effect<A, StoreUnavailable, R> =>
  effect.pipe(
    Effect.catchTag("ConcurrencyConflict", Effect.die),
    Effect.catchTag("StreamNotFound", Effect.die),
    Effect.catchTag("AppendTooLarge", Effect.die),
  );

const endedByServer = new UnavailableError(undefined, "the server ended the subscription");

/**
 * A dropped connection or a leader change ends a subscription with StoreUnavailable, which
 * subscribe answers by subscribing again; anything else (access denied, a bug) would fail
 * again the same way, so it ends the stream.
 */
const subscriptionEnded = (cause: unknown): Stream.Stream<never, StoreUnavailable> => {
  const translated = translateError(cause, "$all", { kind: "any" });
  return translated.kind === "unavailable" ? Stream.fail(translated.error) : Stream.die(cause);
};

/**
 * Consecutive events of one stream, at most one append's worth each: how an import writes
 * them. The server counts an event's data, metadata and type towards MaxAppendSize
 * (Streams.Append.cs, Event.SizeOnDisk); metadata here is the envelope, about as large
 * again as the JSON it carries, hence half of `maxBytes` for what is measured.
 */
function consecutiveRuns(events: ReadonlyArray<RecordedEvent>, maxBytes: number): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata));
    const run = runs.at(-1);
    if (run && run[0]!.streamId === event.streamId && run.length < MAX_EVENTS_PER_APPEND && bytes + size <= maxBytes / 2) {
      run.push(event);
      bytes += size;
    } else {
      runs.push([event]);
      bytes = size;
    }
  }
  return runs;
}

import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Effect, Exit, type Scope } from "effect";
import { type SerialisedEvent, serialiseEvents } from "../integrity/hash-chain.js";
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
import { type EventStoreObserver, NO_OBSERVER } from "../port/event-store-observer.js";
import type { ExpectedRevision } from "../port/expected-revision.js";
import type { IdempotencyClaim, IdempotencyRecord } from "../port/idempotency-record.js";
import type { EventToAppend, RecordedEvent } from "../port/recorded-event.js";
import { AppendNotifier } from "../subscription/append-notifier.js";
import { catchUpSubscription } from "../subscription/catch-up-subscription.js";
import { type AppendOutcome, type BatchAppend, BatchWriter, ImportBreak, type Leader, type StoredClaim } from "./batch-writer.js";
import { type RawEventRow, rawRowToEvent } from "./event-row-mapping.js";
import { EVENT_COLUMNS, EVENT_LOG_SCHEMA, applyPragmas } from "./sqlite-schema.js";
import { type BatchOutcome, WriterThread, WriterThreadStopped } from "./writer-thread.js";

export interface SqliteEventStoreOptions {
  /** A file path, or ":memory:" for a store that lives as long as the process. */
  readonly path: string;
  /** The store clock that stamps recordedAt; injectable so tests can travel in time. */
  readonly clock?: () => Date;
  /** How often subscriptions and the stream index look for appends made by another process. */
  readonly pollIntervalMs?: number;
  /** Refuse to create a new log (operators pointing a tool at the wrong path). */
  readonly fileMustExist?: boolean;
  /** Told how long appends take and how many each group commit writes (the server's metrics). */
  readonly observer?: EventStoreObserver;
  /**
   * Where batches are written, chained and committed: on a writer thread of their own (the
   * default for a file), or on the event loop (always for ":memory:", which no other
   * connection can open).
   */
  readonly writer?: "thread" | "event-loop";
}

interface PendingAppend {
  /** Its place in the order of this store's appends (BatchAppend.sequence). */
  readonly sequence: number;
  readonly streamId: string;
  readonly events: ReadonlyArray<SerialisedEvent>;
  readonly expected: ExpectedRevision;
  readonly idempotency: StoredClaim | undefined;
  readonly now: Date | undefined;
  /** Written only if this one was written before it (AppendOptions.follows). */
  readonly follows: EnqueuedAppend | undefined;
  /** performance.now() when the append was called: its answer is timed from there. */
  readonly calledAt: number;
  /** Told the outcome once the batch has committed, or failed. */
  readonly enqueued: EnqueuedAppend;
}

/**
 * Where batches go to a writer thread, one is sent as soon as this many appends wait, not
 * only at the end of the event loop's turn: the thread then writes the first while the
 * commands of the next are still deciding, and takes those sent meanwhile into the same
 * transaction. With every command of a turn in one batch, the two threads took turns
 * instead. Measured with 64 commands in flight: 8 a batch, 31k commands/s; 16, 32-38k;
 * 32, 30-32k; 48, 27k; the event loop alone, 28k.
 */
export const THREAD_BATCH_SIZE = 16;

const NO_LIMIT = -1;
const END_OF_TIME = "9999-12-31T23:59:59.999Z";

/**
 * The embedded event store. Appends that arrive while the event loop is busy are written
 * together in one transaction (group commit): one fsync for many commands, and each
 * caller is answered only after that transaction has committed. enqueueAppend answers as
 * soon as the append is queued, so that a writer may queue another after it (`follows`)
 * that joins the same transaction.
 *
 * A file-backed store writes its batches on a writer thread (WriterThread): while one batch
 * is hashed, inserted and fsynced there, the event loop decides the commands of the next
 * one, and reads go on. Reads use the store's own connection on the event loop.
 */
export class SqliteEventStore implements EventStoreService, EventStoreAdminService {
  readonly densePositions = true;
  private readonly notifier = new AppendNotifier();
  private pending: PendingAppend[] = [];
  private nextSequence = 0;
  /** The sequence number of each append enqueued and not yet settled, in their order. */
  private readonly unsettled = new Map<EnqueuedAppend, number>();
  private flushScheduled = false;
  private closed = false;
  private readonly statements;
  /** Writes on the store's own connection: every batch on the event loop, else only imports. */
  private readonly writer: BatchWriter;
  /** Started on the first write of a store that writes on a thread; replaced if it stops. */
  private thread: WriterThread | undefined;
  private readonly refreshTimer: NodeJS.Timeout;

  private constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date,
    /** A clock other than the system's was given: the store stamps appends with it, wherever they are written. */
    private readonly clockGiven: boolean,
    private readonly pollIntervalMs: number,
    private readonly observer: EventStoreObserver,
    /** The log's file, when batches are written on a writer thread. */
    private readonly threadPath: string | undefined,
  ) {
    db.exec(EVENT_LOG_SCHEMA);
    this.statements = {
      findIdempotency: db.prepare<[string], IdempotencyRow>("SELECT * FROM idempotency_records WHERE key = ?"),
      readForwards: db.prepare<[string, number, string, number], RawEventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? AND recorded_at <= ? ORDER BY revision ASC LIMIT ?`,
      ),
      readBackwards: db.prepare<[string, number, string, number], RawEventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? AND recorded_at <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      streamKnown: db.prepare<[string, string], { one: number }>(
        "SELECT 1 AS one FROM events WHERE stream_id = ? AND recorded_at <= ? LIMIT 1",
      ),
      readAll: db.prepare<[number, number], RawEventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position ASC LIMIT ?`,
      ),
    };
    for (const read of [this.statements.readForwards, this.statements.readBackwards, this.statements.readAll]) read.raw(true);
    this.writer = new BatchWriter(db, clock);
    this.refreshTimer = setInterval(() => this.refreshHeads(), pollIntervalMs).unref();
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const inMemory = options.path === ":memory:";
    if (!inMemory && !options.fileMustExist) mkdirSync(dirname(options.path), { recursive: true });
    const db = new Database(options.path, { fileMustExist: options.fileMustExist ?? false });
    try {
      applyPragmas(db);
      const onThread = !inMemory && (options.writer ?? "thread") === "thread";
      return new SqliteEventStore(
        db,
        options.clock ?? (() => new Date()),
        options.clock !== undefined,
        options.pollIntervalMs ?? 250,
        options.observer ?? NO_OBSERVER,
        onThread ? options.path : undefined,
      );
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Opens the store for the life of a scope; closing it writes what is queued first. */
  static acquire(options: SqliteEventStoreOptions): Effect.Effect<SqliteEventStore, StoreUnavailable, Scope.Scope> {
    return Effect.acquireRelease(
      Effect.try({ try: () => SqliteEventStore.open(options), catch: unavailable("cannot open the event log") }),
      (store) => Effect.sync(() => store.close()),
    );
  }

  append = (
    streamId: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Effect.Effect<AppendResult, AppendError> =>
    Effect.flatMap(this.enqueueAppend(streamId, events, expected, options), (enqueued) => enqueued.outcome);

  enqueueAppend = (
    streamId: string,
    events: ReadonlyArray<EventToAppend>,
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Effect.Effect<EnqueuedAppend> =>
    Effect.sync(() => {
      if (this.closed) {
        return EnqueuedAppend.settled(Exit.fail(new StoreUnavailable({ reason: "the event store is closed" })));
      }
      // Serialised before joining a batch: a payload JSON cannot hold throws here, which
      // fails its own append as the defect it is, never the appends that share its transaction.
      const serialised = serialiseEvents(events);
      const claim = options.idempotency && storedClaim(options.idempotency);
      const enqueued = new EnqueuedAppend();
      const sequence = this.nextSequence++;
      this.unsettled.set(enqueued, sequence);
      this.pending.push({
        sequence,
        streamId,
        events: serialised,
        expected,
        idempotency: claim,
        now: options.now,
        follows: options.follows,
        calledAt: performance.now(),
        enqueued,
      });
      if (this.threadPath !== undefined && this.pending.length >= THREAD_BATCH_SIZE) this.flush();
      else this.scheduleFlush();
      return enqueued;
    });

  readStream = (
    streamId: string,
    options: ReadStreamOptions = {},
  ): Effect.Effect<ReadonlyArray<RecordedEvent>, StreamNotFound | StoreUnavailable> =>
    Effect.flatMap(
      this.attempt("cannot read the stream", () => {
        const backwards = options.direction === "backwards";
        const upTo = options.recordedUpTo ?? END_OF_TIME;
        const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
        const statement = backwards ? this.statements.readBackwards : this.statements.readForwards;
        // Known missing, unless another process created it since the last refresh tick.
        if (this.heads.isLoaded && this.heads.revisionOf(streamId) === undefined) {
          this.heads.refreshIfChanged();
          if (this.heads.revisionOf(streamId) === undefined) return undefined;
        }
        const rows = statement.all(streamId, from, upTo, options.maxCount ?? NO_LIMIT);
        if (rows.length === 0 && !this.statements.streamKnown.get(streamId, upTo)) return undefined;
        return rows.map(rawRowToEvent);
      }),
      (events) => (events ? Effect.succeed(events) : Effect.fail(new StreamNotFound({ streamId }))),
    );

  readAll = (options: ReadAllOptions = {}): Effect.Effect<ReadonlyArray<RecordedEvent>, StoreUnavailable> =>
    this.attempt("cannot read the log", () =>
      this.statements.readAll.all(options.fromPosition ?? 0, options.maxCount ?? NO_LIMIT).map(rawRowToEvent),
    );

  subscribe = (options: SubscribeOptions) =>
    catchUpSubscription((fromPosition, maxCount) => this.readAll({ fromPosition, maxCount }), this.notifier, {
      fromPosition: options.fromPosition,
      batchSize: options.batchSize ?? 1_000,
      pollIntervalMs: this.pollIntervalMs,
    });

  headPosition: Effect.Effect<number, StoreUnavailable> = Effect.suspend(() =>
    this.attempt("cannot read the head position", () => this.readHeadPosition()),
  );

  findIdempotencyRecord = (key: string): Effect.Effect<IdempotencyRecord | undefined, StoreUnavailable> =>
    this.attempt("cannot read idempotency records", () => {
      const row = this.statements.findIdempotency.get(key);
      return (
        row && {
          key: row.key,
          fingerprint: row.fingerprint,
          streamId: row.stream_id,
          revision: row.revision,
          position: row.position,
          recordedAt: row.recorded_at,
          response: JSON.parse(row.response),
        }
      );
    });

  importRecorded = (
    events: ReadonlyArray<RecordedEvent>,
  ): Effect.Effect<{ readonly imported: number }, ImportRejected | StoreUnavailable> =>
    Effect.suspend(() => {
      try {
        // On this connection, also where batches go to a writer thread: a lock either holds
        // is waited out (busy_timeout), and the thread's heads pull the imported ones in.
        this.writer.import(events);
        this.notifier.notify();
        return Effect.succeed({ imported: events.length });
      } catch (error) {
        return Effect.fail(
          error instanceof ImportBreak
            ? new ImportRejected({ reason: error.message })
            : unavailable("cannot import events")(error),
        );
      }
    });

  /**
   * Writes what is queued, then closes; later appends fail with StoreUnavailable. Blocks
   * until a writer thread has committed what it was sent, and closed its connection.
   */
  close(): void {
    if (this.closed) return;
    // Closed from here on: an append enqueued meanwhile (by a listener told an outcome below) is refused.
    this.closed = true;
    try {
      this.flush();
      this.thread?.awaitRepliesSync();
    } finally {
      this.thread?.close();
      clearInterval(this.refreshTimer);
      this.db.close();
    }
  }

  /** The last revision of each stream, as this connection knows them. */
  private get heads() {
    return this.writer.heads;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: every command that reaches its append in this turn of
    // the event loop joins the same transaction.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    // A writer thread reads the system clock as its transaction begins, as close to the
    // commit as it can; a clock given to the store (tests travel in time) is read here for it.
    const appends = this.toBatchAppends(batch, this.threadPath !== undefined && this.clockGiven ? this.clock() : undefined);
    // Every append before the first unsettled one has been settled, and is named as a leader no more.
    const settledBelow = this.unsettled.values().next().value ?? this.nextSequence;
    if (this.threadPath === undefined) {
      this.writeHere(batch, appends, settledBelow);
      return;
    }
    if (!this.thread?.running) {
      try {
        this.thread = WriterThread.start(this.threadPath, (appends) => this.committed(appends));
      } catch (error) {
        // No thread to be had (the system refused one): the batch is answered, never dropped.
        this.settle(batch, { failed: error });
        return;
      }
    }
    this.thread.write(appends, settledBelow, (outcome) => this.settle(batch, outcome));
  }

  /**
   * The appends of a batch as its writer takes them: a leader (AppendOptions.follows) not
   * yet settled named by its number, one settled as committed or not.
   */
  private toBatchAppends(batch: ReadonlyArray<PendingAppend>, now: Date | undefined): BatchAppend[] {
    return batch.map(({ sequence, streamId, events, expected, idempotency, now: asked, follows }) => {
      let leader: Leader | undefined;
      if (follows && !follows.committed) {
        const leaderSequence = this.unsettled.get(follows);
        leader = leaderSequence === undefined ? "not-written" : { sequence: leaderSequence };
      }
      return { sequence, streamId, events, expected, idempotency, now: asked ?? now, leader };
    });
  }

  private writeHere(batch: ReadonlyArray<PendingAppend>, appends: ReadonlyArray<BatchAppend>, settledBelow: number): void {
    let outcomes: ReadonlyArray<AppendOutcome>;
    try {
      outcomes = this.writer.write([appends], settledBelow)[0]!;
    } catch (error) {
      this.settle(batch, { failed: error });
      return;
    }
    try {
      this.settle(batch, { outcomes });
    } finally {
      this.committed(batch.length);
    }
  }

  /** Answers every append of a batch, from what its writer told. */
  private settle(batch: ReadonlyArray<PendingAppend>, outcome: BatchOutcome): void {
    if ("failed" in outcome) {
      const reason =
        outcome.failed instanceof WriterThreadStopped
          ? "whether the append was committed is not known"
          : "the append was not committed";
      const failure = Exit.fail(unavailable(reason)(outcome.failed));
      this.answer(batch, () => failure);
    } else {
      this.answer(batch, (index) => exitOf(outcome.outcomes[index]!));
    }
  }

  /** After a transaction has committed and its appends are answered: subscribers read on, the metrics count it. */
  private committed(appends: number): void {
    this.notifier.notify();
    this.observer.batchCommitted(appends);
  }

  /** Settles every append first, then tells the observer: a throwing observer cannot leave one unanswered. */
  private answer(batch: ReadonlyArray<PendingAppend>, outcome: (index: number) => Exit.Exit<AppendResult, AppendError>): void {
    const answeredAt = performance.now();
    batch.forEach((append, index) => {
      this.unsettled.delete(append.enqueued);
      append.enqueued.settle(outcome(index));
    });
    for (const append of batch) this.observer.appendAnswered((answeredAt - append.calledAt) / 1000);
  }

  private readHeadPosition(): number {
    return this.writer.headPosition();
  }

  private refreshHeads(): void {
    try {
      this.heads.refreshIfChanged();
    } catch {
      // A busy or briefly unreadable log is retried on the next tick; writes re-check anyway.
    }
  }

  private attempt<A>(reason: string, read: () => A): Effect.Effect<A, StoreUnavailable> {
    return Effect.try({ try: read, catch: unavailable(reason) });
  }
}

interface IdempotencyRow {
  readonly key: string;
  readonly fingerprint: string;
  readonly stream_id: string;
  readonly revision: number;
  readonly position: number;
  readonly recorded_at: string;
  readonly response: string;
}

/** Throws a TypeError for a response JSON cannot hold, as serialiseEvents does for a payload. */
function storedClaim({ key, fingerprint, response }: IdempotencyClaim): StoredClaim {
  const responseJson = JSON.stringify(response);
  if (responseJson === undefined) throw new TypeError(`The response for idempotency key ${key} is not JSON`);
  return { key, fingerprint, responseJson };
}

/** A writer's outcome as the port tells it. */
function exitOf(outcome: AppendOutcome): Exit.Exit<AppendResult, AppendError> {
  switch (outcome._tag) {
    case "Written":
      return Exit.succeed(outcome.result);
    case "ConcurrencyConflict":
      return Exit.fail(
        new ConcurrencyConflict({ streamId: outcome.streamId, expected: outcome.expected, actual: outcome.actual }),
      );
    case "IdempotencyKeyTaken":
      return Exit.fail(new IdempotencyKeyTaken({ key: outcome.key }));
  }
}

const unavailable = (reason: string) => (cause: unknown) =>
  new StoreUnavailable({ reason: `${reason}: ${cause instanceof Error ? cause.message : String(cause)}`, cause });

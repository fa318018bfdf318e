import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Effect, Exit, type Scope } from "effect";
import { type SerialisedEvent, type StreamHead, chainEvents, nextRecordedAt, serialiseEvents } from "../integrity/hash-chain.js";
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
import { type ActualRevision, type ExpectedRevision, isSatisfied } from "../port/expected-revision.js";
import type { IdempotencyClaim, IdempotencyRecord } from "../port/idempotency-record.js";
import { type LogCursor, type LogCursorOptions, readAllCursor } from "../port/log-cursor.js";
import { type EventToAppend, GENESIS_HASH, type RecordedEvent } from "../port/recorded-event.js";
import { AppendNotifier } from "../subscription/append-notifier.js";
import { catchUpSubscription } from "../subscription/catch-up-subscription.js";
import { type RawEventRow, eventToRow, rawRowToEvent, storedForm } from "./event-row-mapping.js";
import { openLogReaderThread } from "./log-reader-thread.js";
import { checkHere, checkOnThread } from "./integrity-check-thread.js";
import { type FileAccess, openSqliteForReading } from "./open-for-reading.js";
import {
  EVENT_COLUMNS,
  EVENT_LOG_SCHEMA,
  type EventRow,
  READ_ALL_SQL,
  applyPragmas,
  applyReaderPragmas,
  requireEventLog,
} from "./sqlite-schema.js";
import { StreamHeads } from "./stream-heads.js";

export interface SqliteEventStoreOptions {
  /** A file path, or ":memory:" for a store that lives as long as the process. */
  readonly path: string;
  /** The store clock that stamps recordedAt; injectable so tests can travel in time. */
  readonly clock?: () => Date;
  /** How often subscriptions and the stream index look for appends made by another process. */
  readonly pollIntervalMs?: number;
  /** Refuse to create a new log (operators pointing a tool at the wrong path). */
  readonly fileMustExist?: boolean;
  /**
   * `read-only`: open an existing log without changing it or anything beside it
   * (openSqliteForReading), for the tools that only read it, run by an auditor who may have
   * read access alone. Appends and imports then fail as SQLite refuses to write.
   */
  readonly access?: FileAccess;
  /** Told how long appends take and how many each group commit writes (the server's metrics). */
  readonly observer?: EventStoreObserver;
  /**
   * How many events a log cursor that reads ahead (LogCursorOptions.readAhead) must have
   * before it to read them on a thread of its own; closer to the head it reads on the
   * caller's. Starting a thread costs some tens of milliseconds, as much as reading several
   * thousand events. 0: always a thread.
   */
  readonly readAheadThreshold?: number;
}

/** An idempotency claim as stored: its response already in JSON. */
interface StoredClaim {
  readonly key: string;
  readonly fingerprint: string;
  readonly responseJson: string;
}

interface PendingAppend {
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

const NO_LIMIT = -1;
const READ_AHEAD_THRESHOLD = 20_000;
const END_OF_TIME = "9999-12-31T23:59:59.999Z";

/**
 * The embedded event store. Appends that arrive while the event loop is busy are written
 * together in one transaction (group commit): one fsync for many commands, and each
 * caller is answered only after that transaction has committed. enqueueAppend answers as
 * soon as the append is queued, so that a writer may queue another after it (`follows`)
 * that joins the same transaction.
 */
export class SqliteEventStore implements EventStoreService, EventStoreAdminService {
  readonly densePositions = true;
  private readonly notifier = new AppendNotifier();
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly statements;
  private readonly heads: StreamHeads;
  private readonly refreshTimer: NodeJS.Timeout;
  private readonly writeBatch;
  private readonly importBatch;

  private constructor(
    private readonly db: Database.Database,
    /** The file, as the log reader and integrity check threads open it again. */
    private readonly path: string,
    access: FileAccess,
    private readonly clock: () => Date,
    private readonly pollIntervalMs: number,
    private readonly observer: EventStoreObserver,
    private readonly readAheadThreshold: number,
  ) {
    if (access === "read-only") requireEventLog(db, path);
    else db.exec(EVENT_LOG_SCHEMA);
    this.statements = {
      lastEvent: db.prepare<[], { position: number; recorded_at: string }>(
        "SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1",
      ),
      insertEvent: db.prepare<EventRow>(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      idempotencyKeyExists: db.prepare<[string], { key: string }>("SELECT key FROM idempotency_records WHERE key = ?"),
      insertIdempotency: db.prepare(
        "INSERT INTO idempotency_records (key, fingerprint, stream_id, revision, position, recorded_at, response) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
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
      readAll: db.prepare<[number, number], RawEventRow>(READ_ALL_SQL),
    };
    for (const read of [this.statements.readForwards, this.statements.readBackwards, this.statements.readAll]) read.raw(true);
    this.heads = new StreamHeads(db, () => this.readHeadPosition());
    this.refreshTimer = setInterval(() => this.refreshHeads(), pollIntervalMs).unref();
    this.writeBatch = db.transaction((batch: ReadonlyArray<PendingAppend>) => this.writeAppends(batch));
    this.importBatch = db.transaction((events: ReadonlyArray<RecordedEvent>) => this.writeImported(events));
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const inMemory = options.path === ":memory:";
    const access = inMemory ? "read-write" : (options.access ?? "read-write");
    const readOnly = access === "read-only";
    if (!inMemory && !readOnly && !options.fileMustExist) mkdirSync(dirname(options.path), { recursive: true });
    const db = readOnly
      ? openSqliteForReading(options.path)
      : new Database(options.path, { fileMustExist: options.fileMustExist ?? false });
    try {
      if (readOnly) applyReaderPragmas(db);
      else applyPragmas(db);
      return new SqliteEventStore(
        db,
        options.path,
        access,
        options.clock ?? (() => new Date()),
        options.pollIntervalMs ?? 250,
        options.observer ?? NO_OBSERVER,
        options.readAheadThreshold ?? READ_AHEAD_THRESHOLD,
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
      this.pending.push({
        streamId,
        events: serialised,
        expected,
        idempotency: claim,
        now: options.now,
        follows: options.follows,
        calledAt: performance.now(),
        enqueued,
      });
      this.scheduleFlush();
      return enqueued;
    });

  // SQLite's integrity check: every page, every b-tree in order, every index against its table;
  // on a thread of its own for a log in a file (integrity-check-thread.ts).
  checkStorage: Effect.Effect<ReadonlyArray<string>, StoreUnavailable> = Effect.suspend(() => {
    const found = this.db.memory
      ? this.attempt("cannot check the database file", () => checkHere(this.db))
      : Effect.mapError(checkOnThread(this.path), unavailable("cannot check the database file"));
    return Effect.map(found, (problems) => (problems.length === 1 && problems[0] === "ok" ? [] : problems));
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

  openLogCursor = (options: LogCursorOptions): Effect.Effect<LogCursor, StoreUnavailable, Scope.Scope> =>
    Effect.flatMap(this.headPosition, (head) =>
      // A log in memory is this connection's alone: no other can read it.
      !options.readAhead || this.db.memory || head - (options.fromPosition ?? 0) < this.readAheadThreshold
        ? Effect.succeed(readAllCursor(this.readAll, options))
        : openLogReaderThread(this.path, options, (fromPosition) => readAllCursor(this.readAll, { ...options, fromPosition })),
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
        const { heads, position } = this.importBatch.immediate(events);
        this.heads.committed(heads, position);
        this.notifier.notify();
        return Effect.succeed({ imported: events.length });
      } catch (error) {
        return Effect.fail(error instanceof ImportRejected ? error : unavailable("cannot import events")(error));
      }
    });

  /** Writes what is queued, then closes; later appends fail with StoreUnavailable. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    clearInterval(this.refreshTimer);
    this.db.close();
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
    let written: WrittenBatch;
    try {
      written = this.writeBatch.immediate(batch);
    } catch (error) {
      const failure = Exit.fail(unavailable("the append was not committed")(error));
      this.answer(batch, () => failure);
      return;
    }
    const { outcomes, heads, position } = written;
    try {
      this.heads.committed(heads, position);
      this.notifier.notify();
      this.observer.batchCommitted(batch.length);
    } finally {
      // Committed, so answered, whatever throws after the commit: an append left unanswered
      // would hold its stream's queue, and every command after it, for ever.
      this.answer(batch, (index) => outcomes[index]!);
    }
  }

  /** Settles every append first, then tells the observer: a throwing observer cannot leave one unanswered. */
  private answer(batch: ReadonlyArray<PendingAppend>, outcome: (index: number) => Exit.Exit<AppendResult, AppendError>): void {
    const answeredAt = performance.now();
    batch.forEach((append, index) => append.enqueued.settle(outcome(index)));
    for (const append of batch) this.observer.appendAnswered((answeredAt - append.calledAt) / 1000);
  }

  /** Runs inside the batch transaction; each append stands or falls on its own. */
  private writeAppends(batch: ReadonlyArray<PendingAppend>): WrittenBatch {
    const last = this.statements.lastEvent.get();
    let position = last?.position ?? 0;
    this.heads.sync(position);
    const now = this.clock();
    let lastRecordedAt = last?.recorded_at;
    // Heads this batch moves; they reach this.heads only once the transaction has committed.
    const heads = new Map<string, StreamHead>();
    const headOf = (streamId: string) => heads.get(streamId) ?? this.heads.headOf(streamId);
    // Appends written so far in this batch: a follower of one of them may be written too,
    // though it commits only with the follower (and if the batch fails, both fail).
    const writtenHere = new Set<EnqueuedAppend>();
    const writtenBefore = (leader: EnqueuedAppend) => leader.committed || writtenHere.has(leader);

    const outcomes = batch.map((append): Exit.Exit<AppendResult, AppendError> => {
      const { streamId, idempotency } = append;
      const head = headOf(streamId);
      const actual: ActualRevision = head ? head.revision : "no-stream";
      if (append.follows && !writtenBefore(append.follows)) {
        return Exit.fail(new ConcurrencyConflict({ streamId, expected: append.expected, actual }));
      }
      if (idempotency && this.statements.idempotencyKeyExists.get(idempotency.key)) {
        return Exit.fail(new IdempotencyKeyTaken({ key: idempotency.key }));
      }
      if (!isSatisfied(append.expected, actual)) {
        return Exit.fail(new ConcurrencyConflict({ streamId, expected: append.expected, actual }));
      }
      // Each append at its writer's instant, never before what this batch or the log holds.
      const recordedAt = nextRecordedAt(append.now ?? now, lastRecordedAt);
      // Anything that throws from here on (a full disk, say) fails the whole batch, unwritten.
      const written = this.writeAppend(append, head, position, recordedAt);
      if (written.position > position) lastRecordedAt = recordedAt;
      position = written.position;
      if (written.head) heads.set(streamId, written.head);
      writtenHere.add(append.enqueued);
      return Exit.succeed({ streamId, revision: written.head?.revision ?? -1, position, recordedAt });
    });
    return { outcomes, heads, position };
  }

  /** One append's rows and idempotency record, inside the batch transaction. */
  private writeAppend(
    append: PendingAppend,
    head: StreamHead | undefined,
    positionBefore: number,
    recordedAt: string,
  ): { readonly position: number; readonly head: StreamHead | undefined } {
    let position = positionBefore;
    const chained = chainEvents(append.streamId, head, recordedAt, append.events);
    for (const event of chained) {
      position += 1;
      this.statements.insertEvent.run(...eventToRow(position, event));
    }
    const last = chained.at(-1);
    const headAfter = last ? { revision: last.revision, hash: last.hash } : head;
    if (append.idempotency) {
      const { key, fingerprint, responseJson } = append.idempotency;
      this.statements.insertIdempotency.run(
        key,
        fingerprint,
        append.streamId,
        headAfter?.revision ?? -1,
        position,
        recordedAt,
        responseJson,
      );
    }
    return { position, head: headAfter };
  }

  /**
   * Positions are numbered on from the head, whatever they were where the events come
   * from (another engine's are sparse): the log stays dense and verifies as such.
   */
  private writeImported(events: ReadonlyArray<RecordedEvent>): Omit<WrittenBatch, "outcomes"> {
    const last = this.statements.lastEvent.get();
    let position = last?.position ?? 0;
    let lastRecordedAt = last?.recorded_at ?? "";
    this.heads.sync(position);
    const heads = new Map<string, StreamHead>();
    for (const event of events) {
      const reason = importBreak(event, heads.get(event.streamId) ?? this.heads.headOf(event.streamId), lastRecordedAt);
      if (reason) throw new ImportRejected({ reason });
      position += 1;
      this.statements.insertEvent.run(...eventToRow(position, storedForm(event)));
      heads.set(event.streamId, { revision: event.revision, hash: event.metadata.hash });
      lastRecordedAt = event.recordedAt;
    }
    return { heads, position };
  }

  private readHeadPosition(): number {
    return this.statements.lastEvent.get()?.position ?? 0;
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

interface WrittenBatch {
  readonly outcomes: ReadonlyArray<Exit.Exit<AppendResult, AppendError>>;
  readonly heads: ReadonlyMap<string, StreamHead>;
  readonly position: number;
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

/** Why an imported event cannot follow what the log holds, if it cannot. */
function importBreak(event: RecordedEvent, head: StreamHead | undefined, lastRecordedAt: string): string | undefined {
  const expectedRevision = head ? head.revision + 1 : 0;
  if (event.revision !== expectedRevision || event.metadata.prevHash !== (head ? head.hash : GENESIS_HASH)) {
    return `event ${event.eventId} does not continue stream ${event.streamId} (revision ${event.revision}, expected ${expectedRevision})`;
  }
  // One clock stamps a dense log, so verification reads time running backwards as events moved.
  if (event.recordedAt < lastRecordedAt) {
    return `event ${event.eventId} was recorded at ${event.recordedAt}, before the ${lastRecordedAt} of the event it would follow`;
  }
  return undefined;
}

const unavailable = (reason: string) => (cause: unknown) =>
  new StoreUnavailable({ reason: `${reason}: ${cause instanceof Error ? cause.message : String(cause)}`, cause });

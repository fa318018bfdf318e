import type Database from "better-sqlite3";
import { type SerialisedEvent, type StreamHead, chainEvents, nextRecordedAt } from "../integrity/hash-chain.js";
import type { AppendResult } from "../port/event-store.js";
import { type ActualRevision, type ExpectedRevision, isSatisfied } from "../port/expected-revision.js";
import { GENESIS_HASH, type RecordedEvent } from "../port/recorded-event.js";
import { eventToRow, storedForm } from "./event-row-mapping.js";
import { EVENT_COLUMNS, type EventRow } from "./sqlite-schema.js";
import { StreamHeads } from "./stream-heads.js";

/** An idempotency claim as stored: its response already in JSON. */
export interface StoredClaim {
  readonly key: string;
  readonly fingerprint: string;
  readonly responseJson: string;
}

/**
 * The append an append follows (AppendOptions.follows), as the writer can tell whether it
 * was written: by its sequence number, while the store has not yet told its outcome, or
 * as not written, once the store has told it failed. A leader the store has seen commit is
 * no condition at all.
 */
export type Leader = { readonly sequence: number } | "not-written";

/**
 * One append of a batch, as plain data: the writer may run on another thread, and every
 * member crosses to it by structured clone.
 */
export interface BatchAppend {
  /** The store numbers its appends in the order they were enqueued, which is the order they are written in. */
  readonly sequence: number;
  readonly streamId: string;
  readonly events: ReadonlyArray<SerialisedEvent>;
  readonly expected: ExpectedRevision;
  readonly idempotency: StoredClaim | undefined;
  /**
   * The instant to record it at, unless the log already holds a later one: its writer's,
   * or the store clock's; if neither, the writer's clock as the transaction begins.
   */
  readonly now: Date | undefined;
  readonly leader: Leader | undefined;
}

/** What became of one append of a batch: the store's errors as data, which a thread can send. */
export type AppendOutcome =
  | { readonly _tag: "Written"; readonly result: AppendResult }
  | {
      readonly _tag: "ConcurrencyConflict";
      readonly streamId: string;
      readonly expected: ExpectedRevision;
      readonly actual: ActualRevision;
    }
  | { readonly _tag: "IdempotencyKeyTaken"; readonly key: string };

/** What a transaction wrote: the heads it moved and the log's head position after it. */
interface Written {
  readonly heads: ReadonlyMap<string, StreamHead>;
  readonly position: number;
}

/**
 * Writes batches of appends to the log over one connection, each batch in one
 * transaction, each append standing or falling on its own within it. It runs where that
 * connection lives: on the event loop (an in-memory log, the operators' imports) or on the
 * store's writer thread (WriterThread), where commits and hashing leave the event loop free.
 */
export class BatchWriter {
  readonly heads: StreamHeads;
  /**
   * The sequence numbers of appends committed that the store may not yet know to be: a
   * follower sent before its leader's outcome reached the store names the leader by its
   * number. Forgotten once the store has settled them (`settledBelow`).
   */
  private readonly committedSequences = new Set<number>();
  private readonly statements;
  private readonly writeBatch;
  private readonly importBatch;

  constructor(
    db: Database.Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.statements = {
      lastEvent: db.prepare<[], { position: number; recorded_at: string }>(
        "SELECT position, recorded_at FROM events ORDER BY position DESC LIMIT 1",
      ),
      insertEvent: db.prepare<EventRow>(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      idempotencyKeyExists: db.prepare<[string], { key: string }>("SELECT key FROM idempotency_records WHERE key = ?"),
      insertIdempotency: db.prepare(
        "INSERT INTO idempotency_records (key, fingerprint, stream_id, revision, position, recorded_at, response) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
    };
    this.heads = new StreamHeads(db, () => this.headPosition());
    this.writeBatch = db.transaction((batches: Iterable<ReadonlyArray<BatchAppend>>) => this.writeAppends(batches));
    this.importBatch = db.transaction((events: ReadonlyArray<RecordedEvent>) => this.writeImported(events));
  }

  /** The log's head position as this connection sees it. */
  headPosition(): number {
    return this.statements.lastEvent.get()?.position ?? 0;
  }

  /**
   * Writes batches of appends and commits them in one transaction, and tells what became of
   * each append, batch by batch; throws (nothing of them written) if the transaction fails.
   * The batches are taken one at a time, so that a writer thread can add those that arrive
   * while the ones before are written. Every append numbered below `settledBelow` has been
   * settled by the store, which names none of them as a leader again.
   */
  write(batches: Iterable<ReadonlyArray<BatchAppend>>, settledBelow: number): AppendOutcome[][] {
    for (const sequence of this.committedSequences) {
      // A Set iterates in insertion order, which is the order of the sequence numbers.
      if (sequence >= settledBelow) break;
      this.committedSequences.delete(sequence);
    }
    const { outcomes, heads, position, writtenHere } = this.writeBatch.immediate(batches);
    this.heads.committed(heads, position);
    for (const sequence of writtenHere) this.committedSequences.add(sequence);
    return outcomes;
  }

  /**
   * Writes already-recorded events verbatim, renumbered on from the head (another engine's
   * positions are sparse), so that the log stays dense and verifies as such; throws the
   * reason the first event that does not continue its stream breaks it.
   */
  import(events: ReadonlyArray<RecordedEvent>): void {
    const { heads, position } = this.importBatch.immediate(events);
    this.heads.committed(heads, position);
  }

  private writeAppends(
    batches: Iterable<ReadonlyArray<BatchAppend>>,
  ): Written & { outcomes: AppendOutcome[][]; writtenHere: Set<number> } {
    const last = this.statements.lastEvent.get();
    let position = last?.position ?? 0;
    this.heads.sync(position);
    let lastRecordedAt = last?.recorded_at;
    // Read once, as the transaction begins, and only if an append brings no instant of its own.
    let now: Date | undefined;
    // Heads this transaction moves; they reach this.heads only once it has committed.
    const heads = new Map<string, StreamHead>();
    const headOf = (streamId: string) => heads.get(streamId) ?? this.heads.headOf(streamId);
    // Appends written so far in this transaction: a follower of one of them may be written
    // too, though it commits only with the follower (and if the transaction fails, both fail).
    const writtenHere = new Set<number>();
    const leaderWritten = (leader: Leader | undefined) =>
      leader === undefined ||
      (leader !== "not-written" && (writtenHere.has(leader.sequence) || this.committedSequences.has(leader.sequence)));

    const writeOne = (append: BatchAppend): AppendOutcome => {
      const { streamId, idempotency, expected } = append;
      const head = headOf(streamId);
      const actual: ActualRevision = head ? head.revision : "no-stream";
      if (!leaderWritten(append.leader)) return { _tag: "ConcurrencyConflict", streamId, expected, actual };
      if (idempotency && this.statements.idempotencyKeyExists.get(idempotency.key)) {
        return { _tag: "IdempotencyKeyTaken", key: idempotency.key };
      }
      if (!isSatisfied(expected, actual)) return { _tag: "ConcurrencyConflict", streamId, expected, actual };
      // Each append at its writer's instant, never before what this transaction or the log holds.
      const recordedAt = nextRecordedAt(append.now ?? (now ??= this.clock()), lastRecordedAt);
      // Anything that throws from here on (a full disk, say) fails the whole transaction, unwritten.
      const written = this.writeAppend(append, head, position, recordedAt);
      if (written.position > position) lastRecordedAt = recordedAt;
      position = written.position;
      if (written.head) heads.set(streamId, written.head);
      writtenHere.add(append.sequence);
      return { _tag: "Written", result: { streamId, revision: written.head?.revision ?? -1, position, recordedAt } };
    };
    const outcomes: AppendOutcome[][] = [];
    for (const batch of batches) outcomes.push(batch.map(writeOne));
    return { outcomes, heads, position, writtenHere };
  }

  /** One append's rows and idempotency record, inside the batch transaction. */
  private writeAppend(
    append: BatchAppend,
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

  private writeImported(events: ReadonlyArray<RecordedEvent>): Written {
    const last = this.statements.lastEvent.get();
    let position = last?.position ?? 0;
    let lastRecordedAt = last?.recorded_at ?? "";
    this.heads.sync(position);
    const heads = new Map<string, StreamHead>();
    for (const event of events) {
      const reason = importBreak(event, heads.get(event.streamId) ?? this.heads.headOf(event.streamId), lastRecordedAt);
      if (reason) throw new ImportBreak(reason);
      position += 1;
      this.statements.insertEvent.run(...eventToRow(position, storedForm(event)));
      heads.set(event.streamId, { revision: event.revision, hash: event.metadata.hash });
      lastRecordedAt = event.recordedAt;
    }
    return { heads, position };
  }
}

/** An imported event that does not continue what the log holds; the store turns it into ImportRejected. */
export class ImportBreak extends Error {}

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

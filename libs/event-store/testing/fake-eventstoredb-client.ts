import {
  ANY,
  BACKWARDS,
  END,
  type EventData,
  MaxAppendSizeExceededError,
  NO_STREAM,
  type Position,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from "@eventstore/db-client";
import type { EsdbClient } from "../src/eventstoredb/esdb-client.js";
import type { StoredEsdbEvent } from "../src/eventstoredb/esdb-envelope.js";

/** An event as the server holds it: what the mapping reads, and the rest the client shows. */
interface StoredEvent extends StoredEsdbEvent {
  readonly isJson: true;
  readonly created: Date;
  readonly position: Position;
}

type Options = Record<string, unknown> & { readonly expectedRevision?: unknown };

/** How the next calls fail: as an unreachable node, a busy one (batch append), or a cluster nobody answers for. */
export type FailureKind = "unreachable" | "busy" | "discovery";

const failureOf = (kind: FailureKind): Error => {
  switch (kind) {
    case "unreachable":
      return new UnavailableError(undefined, "the node is not reachable");
    case "busy":
      // A batch append's "server busy" / "not ready": the client makes an UnknownError of nothing (unpackError.js).
      return new UnknownError();
    case "discovery":
      // What the client throws with a discovery connection string when gossip finds no node (discovery.js).
      return new Error("Failed to discover after 10 attempts.");
  }
};

/** A position as the client shows one the server left unset: its fields at their defaults (convertGrpcEvent.js). */
const UNSET_POSITION: Position = { commit: 0n, prepare: 0n };

const compare = (a: Position, b: Position) =>
  a.commit === b.commit ? (a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1) : a.commit < b.commit ? -1 : 1;

/** What the server counts of an event towards MaxAppendSize (Event.SizeOnDisk): data, metadata, type. */
const sizeOf = (event: { type: string; data: unknown; metadata?: unknown }) =>
  Buffer.byteLength(JSON.stringify(event.data ?? null)) +
  Buffer.byteLength(JSON.stringify(event.metadata ?? null)) +
  2 * event.type.length;

/** A call to the server that streams its answer, open there until it has sent all, failed, or is cancelled. */
interface OpenCall {
  cancelled: boolean;
}

/**
 * An in-memory stand-in for an EventStoreDB/KurrentDB server, as the client shows it. Like
 * the server: every event is a record of its own with commit = prepare = where the record
 * starts (AllReader.cs), records take room, so positions have byte-like gaps; a read of $all
 * from a position that is not a record start is refused; a subscription starts strictly
 * after the position it is given; an append larger than MaxAppendSize is refused; expected
 * revisions and repeated event ids are checked; system events stand in $all; a read left
 * early stays open until cancelled. Switches make calls fail as a node going away, a busy
 * one or a failed discovery would, lose an answer, withhold positions, and drop or end
 * subscriptions. Only what cannot run here is mocked: the server, never the adapter.
 */
export class FakeEventStoreDbClient implements EsdbClient {
  private readonly log: StoredEvent[] = [];
  /** Where the next record will start: the first ones belong to the server. */
  private nextOffset = 1_000n;
  private failures: { count: number; kind: FailureKind } = { count: 0, kind: "unreachable" };
  private acknowledgementLost = false;
  private positionsWithheld = 0;
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<{ fail: (error: Error) => void; end: () => void }>();
  private readonly openCalls = new Set<OpenCall>();
  private opened = 0;
  private calls = 0;
  private readonly appends: Array<{ readonly streamName: string; readonly deadline: number | undefined }> = [];
  private readonly failingStreams = new Map<string, number>();

  constructor(private readonly maxAppendSize = 1_048_576) {}

  /** How many subscriptions to $all were ever opened: a resubscription shows as one more. */
  get subscriptionsOpened(): number {
    return this.opened;
  }

  /** How many subscriptions to $all are open now. */
  get openSubscriptions(): number {
    return this.subscriptions.size;
  }

  /** Reads the server is still serving: neither sent in full, failed, nor cancelled. */
  get openReads(): number {
    return this.openCalls.size;
  }

  /** Every call made so far, failed ones included. */
  get callsMade(): number {
    return this.calls;
  }

  /** Every append sent, in order, with the deadline (ms) it carried; undefined where it gave none. */
  get appendsSent(): ReadonlyArray<{ readonly streamName: string; readonly deadline: number | undefined }> {
    return this.appends;
  }

  /** Makes the next `count` calls fail, by default as if the node were unreachable. */
  failNextCalls(count: number, kind: FailureKind = "unreachable"): void {
    this.failures = { count, kind };
  }

  /** Makes the next `count` appends to `streamName` fail as if the node were unreachable; other calls go through. */
  failAppendsTo(streamName: string, count: number): void {
    this.failingStreams.set(streamName, count);
  }

  /** Makes the next append store its events, then fail as a connection lost before the answer would. */
  loseNextAcknowledgement(): void {
    this.acknowledgementLost = true;
  }

  /**
   * The next `count` calls answer without positions, as a server does for events it has
   * not indexed yet: an append with none, a stream read with each position at its defaults.
   */
  withholdPositions(count: number): void {
    this.positionsWithheld = count;
  }

  /** Ends every open subscription with `error`; by default as a dropped connection or leader change does. */
  dropSubscriptions(error: Error = new UnavailableError(undefined, "connection dropped")): void {
    for (const subscription of [...this.subscriptions]) subscription.fail(error);
  }

  /** Ends every open subscription without an error, as a server shutting down may. */
  endSubscriptions(): void {
    for (const subscription of [...this.subscriptions]) subscription.end();
  }

  /** Appends a system event, as the server does on its own ($statistics, $settings). */
  writeSystemEvent(): void {
    this.write("$stats-127.0.0.1:2113", [{ id: crypto.randomUUID(), type: "$statsCollected", data: {}, metadata: undefined }]);
  }

  appendToStream = (async (streamName: string, events: EventData | EventData[], options: Options = {}) => {
    this.begin();
    this.appends.push({ streamName, deadline: typeof options.deadline === "number" ? options.deadline : undefined });
    const failing = this.failingStreams.get(streamName) ?? 0;
    if (failing > 0) {
      this.failingStreams.set(streamName, failing - 1);
      throw failureOf("unreachable");
    }
    const withheld = this.withholding();
    const batch = (Array.isArray(events) ? events : [events]) as Array<
      EventData & { id: string; data: unknown; metadata?: unknown }
    >;
    const size = batch.reduce((sum, event) => sum + sizeOf(event), 0);
    if (size > this.maxAppendSize) throw MaxAppendSizeExceededError.fromMaxAppendSize(this.maxAppendSize);
    const answer = (last: StoredEvent) => ({
      success: true,
      nextExpectedRevision: last.revision,
      position: withheld ? undefined : last.position,
    });
    const stream = this.stream(streamName);
    const current = stream.length === 0 ? NO_STREAM : stream.at(-1)!.revision;
    const duplicate = stream.find((event) => event.id === batch[0]?.id);
    if (duplicate) return answer(stream.find((event) => event.id === batch.at(-1)!.id) ?? duplicate);
    const expected = options.expectedRevision ?? ANY;
    const satisfied =
      expected === ANY ||
      (expected === NO_STREAM && current === NO_STREAM) ||
      (expected === STREAM_EXISTS && current !== NO_STREAM) ||
      (typeof expected === "bigint" && current === expected);
    if (!satisfied) {
      throw new WrongExpectedVersionError(undefined, { streamName, expected: expected as bigint, current });
    }
    const written = this.write(streamName, batch);
    if (this.acknowledgementLost) {
      this.acknowledgementLost = false;
      throw new UnavailableError(undefined, "the connection dropped before the answer");
    }
    return answer(written.at(-1)!);
  }) as EsdbClient["appendToStream"];

  readStream = ((streamName: string, options: Options = {}) => {
    const withheld = this.withholding();
    return this.serve(() => {
      const stream = this.stream(streamName);
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === BACKWARDS;
      const from = options.fromRevision;
      let events = backwards ? [...stream].reverse() : stream;
      if (typeof from === "bigint") events = events.filter((e) => (backwards ? e.revision <= from : e.revision >= from));
      const shown = withheld ? events.map((event) => ({ ...event, position: UNSET_POSITION })) : events;
      return shown.slice(0, this.countOf(options)).map((event) => ({ event }));
    });
  }) as unknown as EsdbClient["readStream"];

  readAll = ((options: Options = {}) => {
    return this.serve(() => {
      const backwards = options.direction === BACKWARDS;
      const from = options.fromPosition;
      let events = backwards ? [...this.log].reverse() : this.log;
      if (from !== undefined && from !== START && from !== END) {
        this.checkRecordStart(from as Position);
        events = events.filter((e) =>
          backwards ? compare(e.position, from as Position) <= 0 : compare(e.position, from as Position) >= 0,
        );
      }
      return events.slice(0, this.countOf(options)).map((event) => ({ event, commitPosition: event.position.commit }));
    });
  }) as unknown as EsdbClient["readAll"];

  subscribeToAll = ((options: Options = {}) => {
    this.begin();
    const from = options.fromPosition;
    if (from !== undefined && from !== START && from !== END) this.checkRecordStart(from as Position);
    const regex = (options.filter as { regex?: string } | undefined)?.regex;
    const matches = (event: StoredEvent) => !regex || new RegExp(regex).test(event.type);
    // Strictly after the position given: that record is where the subscriber already was.
    let index =
      from === undefined || from === START
        ? 0
        : from === END
          ? this.log.length
          : this.log.findIndex((e) => compare(e.position, from as Position) > 0);
    if (index < 0) index = this.log.length;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    let closed = false;
    const handle = {
      fail: (error: Error) => ((failure = error), wake?.()),
      end: () => ((closed = true), wake?.()),
    };
    this.subscriptions.add(handle);
    this.opened++;
    const listener = () => wake?.();
    this.listeners.add(listener);
    const iterator = async function* (this: FakeEventStoreDbClient) {
      try {
        for (;;) {
          if (failure) throw failure;
          if (closed) return;
          if (index < this.log.length) {
            const event = this.log[index++]!;
            if (matches(event)) yield { event };
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        this.listeners.delete(listener);
        this.subscriptions.delete(handle);
      }
    }.call(this);
    return Object.assign(iterator, { unsubscribe: async () => handle.end() });
  }) as unknown as EsdbClient["subscribeToAll"];

  dispose = async () => {
    this.dropSubscriptions();
  };

  /** Test access to the stored log, as the server holds it. */
  get storedEvents(): ReadonlyArray<StoredEvent> {
    return this.log;
  }

  /**
   * A streaming answer: computed when first read (errors arrive on the stream, as gRPC's
   * do), open on the server until its last item is sent, it fails, or it is cancelled.
   * Leaving the iteration early does not close it, as pausing the client's stream does not.
   */
  private serve<T>(items: () => T[]): AsyncIterable<T> & { cancel: () => Promise<void> } {
    const call: OpenCall = { cancelled: false };
    this.openCalls.add(call);
    const finish = () => this.openCalls.delete(call);
    const iterate = async function* (this: FakeEventStoreDbClient) {
      let answer: T[];
      try {
        this.begin();
        answer = items();
      } catch (error) {
        finish();
        throw error;
      }
      for (let i = 0; i < answer.length && !call.cancelled; i++) {
        if (i === answer.length - 1) finish();
        yield answer[i]!;
      }
      finish();
    }.call(this);
    return Object.assign(iterate, {
      cancel: async () => {
        call.cancelled = true;
        finish();
      },
    });
  }

  /** Reads of $all start at the beginning of the log, at a record, or at its end; anywhere else is refused. */
  private checkRecordStart(position: Position): void {
    const isLogStart = position.commit === 0n && position.prepare === 0n;
    const atRecord = position.commit === position.prepare && this.log.some((e) => e.position.commit === position.commit);
    const atEnd = position.commit === position.prepare && position.commit >= this.nextOffset;
    if (!isLogStart && !atRecord && !atEnd) {
      // The server answers InvalidArgument ("Invalid position."), which the client makes an UnknownError with that status.
      throw new UnknownError({
        code: 3,
        details: "Invalid position.",
        message: "3 INVALID_ARGUMENT: Invalid position.",
      } as never);
    }
  }

  private countOf(options: Options): number {
    return options.maxCount === undefined ? Number.POSITIVE_INFINITY : Number(options.maxCount);
  }

  private stream(streamName: string): StoredEvent[] {
    return this.log.filter((event) => event.streamId === streamName);
  }

  private write(
    streamName: string,
    batch: ReadonlyArray<{ id: string; type: string; data: unknown; metadata?: unknown }>,
  ): StoredEvent[] {
    const stream = this.stream(streamName);
    const written = batch.map((event, i): StoredEvent => {
      // Each event is a committed record of its own: commit = prepare = where it starts.
      const at = this.nextOffset;
      this.nextOffset = at + BigInt(100 + sizeOf(event));
      return {
        id: event.id,
        streamId: streamName,
        revision: BigInt(stream.length + i),
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        isJson: true,
        created: new Date(),
        position: { commit: at, prepare: at },
      };
    });
    this.log.push(...written);
    for (const listener of [...this.listeners]) listener();
    return written;
  }

  private withholding(): boolean {
    if (this.positionsWithheld === 0) return false;
    this.positionsWithheld -= 1;
    return true;
  }

  private begin(): void {
    this.calls += 1;
    if (this.failures.count > 0) {
      this.failures.count -= 1;
      throw failureOf(this.failures.kind);
    }
  }
}

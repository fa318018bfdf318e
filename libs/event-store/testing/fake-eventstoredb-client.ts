import {
  ANY,
  BACKWARDS,
  END,
  type EventData,
  NO_STREAM,
  type Position,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnavailableError,
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

const compare = (a: Position, b: Position) =>
  a.commit === b.commit ? (a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1) : a.commit < b.commit ? -1 : 1;

/**
 * An in-memory stand-in for an EventStoreDB server, as the client shows it: one
 * transaction per append with a shared commit position and byte-like gaps between
 * positions, expected revisions, deduplication of known event ids, system events in $all,
 * catch-up subscriptions that go live, and switches to make calls fail as a node going
 * away would. Only what cannot run here is mocked: the server, never the adapter.
 */
export class FakeEventStoreDbClient implements EsdbClient {
  private readonly log: StoredEvent[] = [];
  private nextOffset = 1_000n;
  private failures = 0;
  private acknowledgementLost = false;
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<{ fail: (error: Error) => void }>();
  private opened = 0;

  /** How many subscriptions to $all were ever opened: a resubscription shows as one more. */
  get subscriptionsOpened(): number {
    return this.opened;
  }

  /** How many subscriptions to $all are open now. */
  get openSubscriptions(): number {
    return this.subscriptions.size;
  }

  /** Makes the next `count` calls fail as if the node were unreachable. */
  failNextCalls(count: number): void {
    this.failures = count;
  }

  /** Makes the next append store its events, then fail as a connection lost before the answer would. */
  loseNextAcknowledgement(): void {
    this.acknowledgementLost = true;
  }

  /** Ends every open subscription with `error`; by default as a dropped connection or leader change does. */
  dropSubscriptions(error: Error = new UnavailableError(undefined, "connection dropped")): void {
    for (const subscription of [...this.subscriptions]) subscription.fail(error);
  }

  /** Appends a system event, as the server does on its own ($statistics, $settings). */
  writeSystemEvent(): void {
    this.write("$stats-127.0.0.1:2113", [{ id: crypto.randomUUID(), type: "$statsCollected", data: {}, metadata: undefined }]);
  }

  appendToStream = (async (streamName: string, events: EventData | EventData[], options: Options = {}) => {
    this.maybeFail();
    const batch = (Array.isArray(events) ? events : [events]) as Array<
      EventData & { id: string; data: unknown; metadata?: unknown }
    >;
    const stream = this.stream(streamName);
    const current = stream.length === 0 ? NO_STREAM : stream.at(-1)!.revision;
    const duplicate = stream.find((event) => event.id === batch[0]?.id);
    if (duplicate) {
      const last = stream.find((event) => event.id === batch.at(-1)!.id) ?? duplicate;
      return { success: true, nextExpectedRevision: last.revision, position: last.position };
    }
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
    const last = written.at(-1)!;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }) as EsdbClient["appendToStream"];

  readStream = ((streamName: string, options: Options = {}) => {
    return async function* (this: FakeEventStoreDbClient) {
      this.maybeFail();
      const stream = this.stream(streamName);
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === BACKWARDS;
      const from = options.fromRevision;
      let events = backwards ? [...stream].reverse() : stream;
      if (typeof from === "bigint") events = events.filter((e) => (backwards ? e.revision <= from : e.revision >= from));
      const max = options.maxCount === undefined ? Number.POSITIVE_INFINITY : Number(options.maxCount);
      for (const event of events.slice(0, max)) yield { event };
    }.call(this);
  }) as unknown as EsdbClient["readStream"];

  readAll = ((options: Options = {}) => {
    return async function* (this: FakeEventStoreDbClient) {
      this.maybeFail();
      const backwards = options.direction === BACKWARDS;
      const from = options.fromPosition;
      let events = backwards ? [...this.log].reverse() : this.log;
      if (from !== undefined && from !== START && from !== END) {
        events = events.filter((e) =>
          backwards ? compare(e.position, from as Position) <= 0 : compare(e.position, from as Position) >= 0,
        );
      }
      const max = options.maxCount === undefined ? Number.POSITIVE_INFINITY : Number(options.maxCount);
      for (const event of events.slice(0, max)) yield { event, commitPosition: event.position.commit };
    }.call(this);
  }) as unknown as EsdbClient["readAll"];

  subscribeToAll = ((options: Options = {}) => {
    this.maybeFail();
    const from = options.fromPosition;
    const regex = (options.filter as { regex?: string } | undefined)?.regex;
    const matches = (event: StoredEvent) => !regex || new RegExp(regex).test(event.type);
    let index = from === undefined || from === START ? 0 : this.log.findIndex((e) => compare(e.position, from as Position) > 0);
    if (index < 0) index = this.log.length;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    let closed = false;
    const handle = { fail: (error: Error) => ((failure = error), wake?.()) };
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
    return Object.assign(iterator, {
      unsubscribe: async () => {
        closed = true;
        wake?.();
      },
    });
  }) as unknown as EsdbClient["subscribeToAll"];

  dispose = async () => {
    this.dropSubscriptions();
  };

  /** Test access to the stored log, as the server holds it. */
  get storedEvents(): ReadonlyArray<StoredEvent> {
    return this.log;
  }

  private stream(streamName: string): StoredEvent[] {
    return this.log.filter((event) => event.streamId === streamName);
  }

  private write(
    streamName: string,
    batch: ReadonlyArray<{ id: string; type: string; data: unknown; metadata?: unknown }>,
  ): StoredEvent[] {
    const stream = this.stream(streamName);
    const commit = this.nextOffset;
    const written = batch.map((event, i): StoredEvent => ({
      id: event.id,
      streamId: streamName,
      revision: BigInt(stream.length + i),
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      isJson: true,
      created: new Date(),
      position: { commit, prepare: commit + BigInt(i * 137) },
    }));
    this.nextOffset = commit + BigInt(batch.length * 137 + 251);
    this.log.push(...written);
    for (const listener of [...this.listeners]) listener();
    return written;
  }

  private maybeFail(): void {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new UnavailableError(undefined, "the node is not reachable");
    }
  }
}

import { EventStore, type RecordedEvent } from "#event-store";
import { type BeforeApplicationShutdown, Inject, Injectable } from "@nestjs/common";
import { Chunk, Effect, Fiber, Stream } from "effect";
import type { FastifyBaseLogger } from "fastify";
import type { ServerResponse } from "node:http";
import { tooManyRequests } from "../http/problems.js";
import { MandatRuntime } from "../runtime/mandat-runtime.js";
import { LiveFeed } from "./live-feed.js";

const KEEP_ALIVE_MS = 15_000;
/**
 * Events written to the feeds at a time: a resuming feed, before it waits for its reader;
 * the live ones, before the sockets are given a turn to send them. Some 10 to 30 KiB, well
 * under any buffer limit, so a burst (another process appending thousands of events)
 * never drops a reader that keeps up.
 */
const BATCH = 100;
/** When a feed refused for a cap may try again: a feed that closes frees its place at once. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Every open live feed, fed from one subscription to the log and one keep-alive timer,
 * whatever the number of feeds (docs/api.md "Live feed"). The subscription starts with the
 * first feed and delivers each event once to all the feeds that are live; a feed that
 * resumes from a Last-Event-ID is first brought up to the subscription from the log, at
 * its reader's pace, and joins it then. No feed can hold the others back: one whose
 * reader does not keep up is dropped (LiveFeed).
 */
@Injectable()
export class LiveFeeds implements BeforeApplicationShutdown {
  private readonly feeds = new Set<LiveFeed>();
  private readonly perPrincipal = new Map<string, number>();
  /** The position after the last event the subscription delivered; set while it runs. */
  private subscriptionNext = 0;
  private subscription: Promise<Fiber.RuntimeFiber<void, unknown>> | undefined;
  private readonly keepAlive: NodeJS.Timeout;

  constructor(@Inject(MandatRuntime) private readonly runtime: MandatRuntime) {
    this.keepAlive = setInterval(() => {
      for (const feed of this.feeds) feed.write(": keep-alive\n\n");
    }, KEEP_ALIVE_MS).unref();
  }

  /** Throws 429 when `principalId`, or the server, already holds as many feeds as it may. */
  admit(principalId: string): void {
    const { perPrincipal, total } = this.runtime.config.operations.liveFeeds;
    if ((this.perPrincipal.get(principalId) ?? 0) >= perPrincipal) {
      throw tooManyRequests(`You have ${perPrincipal} live feeds open already; close one first`, RETRY_AFTER_SECONDS);
    }
    if (this.feeds.size >= total) {
      throw tooManyRequests(`The server holds ${total} live feeds, as many as it may`, RETRY_AFTER_SECONDS);
    }
  }

  /**
   * Starts the shared subscription if it is not running: at the head of the log as it is
   * now. One that could not start is tried again by the next feed.
   */
  async ensureSubscribed(): Promise<void> {
    this.subscription ??= this.subscribe().catch((error: unknown) => {
      this.subscription = undefined;
      throw error;
    });
    await this.subscription;
  }

  /**
   * Adds a feed whose first event is at `from` (the response's headers are sent): admitted
   * just before, with nothing awaited in between, so the caps hold under concurrent opens.
   */
  open(principalId: string, response: ServerResponse, from: number, log: FastifyBaseLogger): LiveFeed {
    const { metrics } = this.runtime;
    const feed = new LiveFeed(principalId, response, from, this.runtime.config.operations.liveFeeds.bufferBytes, log, () =>
      metrics.liveFeedsDropped.inc(),
    );
    this.feeds.add(feed);
    this.perPrincipal.set(principalId, (this.perPrincipal.get(principalId) ?? 0) + 1);
    metrics.liveFeedsOpen.inc();
    response.once("close", () => this.remove(feed));
    void this.catchUp(feed);
    return feed;
  }

  /** Open feeds would hold the server open forever: end them so shutdown can drain the rest. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.keepAlive);
    const subscription = this.subscription;
    this.subscription = undefined;
    if (subscription) await Effect.runPromise(Fiber.interrupt(await subscription));
    for (const feed of this.feeds) feed.end();
  }

  private async subscribe(): Promise<Fiber.RuntimeFiber<void, unknown>> {
    const store = await this.runtime.run(EventStore);
    this.subscriptionNext = (await this.runtime.run(store.headPosition)) + 1;
    const fiber = Effect.runFork(
      Stream.runForEachChunk(store.subscribe({ fromPosition: this.subscriptionNext, batchSize: BATCH }), (events) =>
        Effect.zipRight(
          Effect.sync(() => Chunk.forEach(events, (event) => this.deliver(event))),
          Effect.promise(nextTurn),
        ),
      ),
    );
    // A subscription that ends (the store went away) ends every feed: their clients come
    // back with Last-Event-ID, and the next feed starts a new subscription.
    fiber.addObserver(() => {
      this.subscription = undefined;
      for (const feed of this.feeds) feed.end();
    });
    return fiber;
  }

  private deliver(event: RecordedEvent): void {
    this.subscriptionNext = event.position + 1;
    const text = frame(event);
    for (const feed of this.feeds) {
      if (feed.live && event.position >= feed.nextPosition) {
        feed.nextPosition = event.position + 1;
        feed.write(text);
      }
    }
  }

  /**
   * Writes a feed what the subscription delivered before the feed's start, from the log,
   * a batch at a time as its reader takes them; then it is live. The check that it has
   * caught up and the switch to live happen in one turn, so no event falls between.
   */
  private async catchUp(feed: LiveFeed): Promise<void> {
    try {
      while (feed.isOpen && feed.nextPosition < this.subscriptionNext) {
        const events = await this.runtime.run(
          Effect.flatMap(EventStore, (store) => store.readAll({ fromPosition: feed.nextPosition, maxCount: BATCH })),
        );
        const due = events.filter((event) => event.position < this.subscriptionNext);
        for (const event of due) feed.write(frame(event));
        // Nothing left below the subscription's position (positions may be sparse): caught up.
        feed.nextPosition = due.length < events.length || due.length === 0 ? this.subscriptionNext : due.at(-1)!.position + 1;
        await feed.drained();
        await nextTurn();
      }
      feed.live = true;
    } catch {
      // The log cannot be read now: the client reconnects with Last-Event-ID.
      feed.end();
    }
  }

  private remove(feed: LiveFeed): void {
    if (!this.feeds.delete(feed)) return;
    const left = (this.perPrincipal.get(feed.principalId) ?? 1) - 1;
    if (left > 0) this.perPrincipal.set(feed.principalId, left);
    else this.perPrincipal.delete(feed.principalId);
    this.runtime.metrics.liveFeedsOpen.dec();
  }
}

/** Lets the sockets send what was written, and other requests run, before the next batch. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const frame = (event: RecordedEvent): string =>
  `id: ${event.position}\ndata: ${JSON.stringify({ type: event.type, streamId: event.streamId, position: event.position })}\n\n`;

import type { FastifyBaseLogger } from "fastify";
import type { ServerResponse } from "node:http";

/**
 * One client's live feed: an open Server-Sent Events response that LiveFeeds writes frames
 * to. The server never waits for a live reader: what it has not read stays buffered here,
 * and once that passes `bufferBytes` the feed is dropped (the connection cut, the buffer
 * freed). The client reconnects with Last-Event-ID and misses nothing.
 */
export class LiveFeed {
  /** The first log position not yet written to this feed. */
  nextPosition: number;
  /** Caught up with LiveFeeds: from now on it is written each event as the shared subscription delivers it. */
  live = false;
  private closed = false;

  constructor(
    readonly principalId: string,
    private readonly response: ServerResponse,
    from: number,
    private readonly bufferBytes: number,
    private readonly log: FastifyBaseLogger,
    private readonly dropped: () => void,
  ) {
    this.nextPosition = from;
    response.once("close", () => (this.closed = true));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Writes a frame, or a comment; drops the feed if its reader has fallen too far behind. */
  write(text: string): void {
    if (this.closed) return;
    this.response.write(text);
    if (this.response.writableLength > this.bufferBytes) this.drop();
  }

  /** Resolves once what is buffered has gone to the client, or the feed has closed. */
  drained(): Promise<void> {
    if (this.closed || !this.response.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.response.off("drain", done).off("close", done);
        resolve();
      };
      this.response.on("drain", done).on("close", done);
    });
  }

  /**
   * The server ends the feed: what is buffered is sent, then the response ends and the
   * client reconnects with Last-Event-ID. For shutdown, a subscription that ended, and
   * whatever else must end a feed (a token that expires).
   */
  end(): void {
    if (!this.closed) this.response.end();
  }

  private drop(): void {
    this.log.warn(
      { principal: this.principalId, bufferedBytes: this.response.writableLength, limitBytes: this.bufferBytes },
      "live feed dropped: its reader fell too far behind",
    );
    this.closed = true;
    this.dropped();
    this.response.destroy();
  }
}

import { type ClientRequest, request } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { client, created } from "./bench-client.js";
import { now, percentile, round } from "./measure.js";

/** One write's way to the feeds: from just before it was sent to each feed's receiving it. */
export interface FanOut {
  readonly writeMs: number;
  readonly received: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface LiveFeedsResults {
  readonly feeds: number;
  /** Each write, one after another, each once every feed had the one before (or gave up on it). */
  readonly writes: ReadonlyArray<FanOut>;
  /** The medians over the writes; `received`, the fewest feeds any write reached. */
  readonly received: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** How long a write's event may take to reach every feed before the feeds that lack it count as not reached. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** Feeds opened at a time. */
const OPENING = 50;

/** An open live feed: when each event (by log position) reached it. */
interface Feed {
  readonly arrivals: Map<number, number>;
  readonly request: ClientRequest;
}

/**
 * Opens `GET /api/v1/events/live`, resolving once the server has sent the first frame
 * (`retry:`), i.e. the feed is open. Every event's position (its frame's `id:`) is noted
 * with the time it arrived; parsing happens here, in the bench's single thread, so the figures include the
 * client's own turn through 1,000 sockets.
 */
function openFeed(url: string, token: string): Promise<Feed> {
  return new Promise((resolve, reject) => {
    const arrivals = new Map<number, number>();
    const feedRequest = request(`${url}/api/v1/events/live`, { agent: false, headers: { authorization: `Bearer ${token}` } });
    feedRequest.on("response", (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`The live feed answered ${response.statusCode}`));
        response.resume();
        return;
      }
      // The bench ends a feed by destroying its request: not an error.
      response.on("error", () => undefined);
      let pending = "";
      response.setEncoding("utf8").on("data", (chunk: string) => {
        const at = now();
        pending += chunk;
        const frames = pending.split("\n\n");
        pending = frames.pop()!;
        for (const frame of frames) {
          const id = frame.match(/^id: (\d+)$/m)?.[1];
          if (id !== undefined) arrivals.set(Number(id), at);
        }
        resolve({ arrivals, request: feedRequest });
      });
    });
    feedRequest.on("error", reject);
    feedRequest.end();
  });
}

/**
 * `feeds` live feeds on the real server at `url` (the server must allow that many to
 * `token`'s principal: MANDAT_LIVE_FEEDS_PER_PRINCIPAL and _TOTAL), then `writes` writes one
 * after another, each registering an organisation (one event, at the position the answer
 * names): how long each took to reach every feed, timed from just before the write was sent
 * (so it includes the write's own answer time, given as `writeMs`), and how many it reached.
 */
export async function benchLiveFeeds(url: string, token: string, feeds: number, writes: number): Promise<LiveFeedsResults> {
  const open: Feed[] = [];
  try {
    while (open.length < feeds) {
      const batch = Math.min(OPENING, feeds - open.length);
      open.push(...(await Promise.all(Array.from({ length: batch }, () => openFeed(url, token)))));
    }
    // An opened feed turns live in the server's same turn; a moment's grace all the same.
    await sleep(200);
    const writer = client(url, token);
    const fanOuts: FanOut[] = [];
    for (let i = 0; i < writes; i++) {
      const sent = now();
      const answer = await writer.post("/api/v1/organisations", { name: `Live feed bench ${i}`, kind: "other" });
      const writeMs = now() - sent;
      created(answer);
      const position = Number(answer.headers.get("log-position"));
      const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
      while (open.some((feed) => !feed.arrivals.has(position)) && Date.now() < deadline) await sleep(5);
      const delays = open.flatMap((feed) => {
        const at = feed.arrivals.get(position);
        return at === undefined ? [] : [at - sent];
      });
      fanOuts.push({
        writeMs: round(writeMs, 2),
        received: delays.length,
        p50Ms: round(percentile(delays, 50), 2),
        p99Ms: round(percentile(delays, 99), 2),
        maxMs: delays.length === 0 ? Number.NaN : round(Math.max(...delays), 2),
      });
    }
    const middle = (figure: (f: FanOut) => number) => percentile(fanOuts.map(figure), 50);
    return {
      feeds,
      writes: fanOuts,
      received: Math.min(...fanOuts.map((f) => f.received)),
      p50Ms: middle((f) => f.p50Ms),
      p99Ms: middle((f) => f.p99Ms),
    };
  } finally {
    for (const feed of open) feed.request.destroy();
  }
}

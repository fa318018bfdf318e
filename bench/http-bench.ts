import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BENCH_SECRET, client, coreTeamMember, created } from "./bench-client.js";
import { type BenchServer, startBareServer, startBenchServer } from "./bench-server.js";
import { type LiveFeedsResults, benchLiveFeeds } from "./live-feeds-bench.js";
import { now } from "./measure.js";
import { type Load, type LoadResult, type LoadSummary, drive, driveTogether, interleaved, summarise } from "./load.js";

export interface HttpBenchOptions {
  /** Rounds of every load, interleaved; each figure is the median over them. */
  readonly rounds: number;
  /** How long each load runs in a round. */
  readonly seconds: number;
  /** Events in the one stream when its writers begin (issue 16: 1,000). */
  readonly streamEvents: number;
  readonly liveFeeds: number;
  /** Writes fanned out to the live feeds, one after another. */
  readonly liveFeedWrites: number;
}

export interface HttpResults {
  readonly rounds: number;
  readonly secondsPerRound: number;
  readonly connections: { readonly load: number; readonly writersBeside: number };
  /** The overview read, and the row the bare route answers: the same JSON. */
  readonly overview: { readonly initiative: string; readonly bytes: number };
  readonly writes: {
    readonly newStreams: LoadSummary;
    readonly bareInsert: LoadSummary;
    readonly oneStream: LoadSummary;
    readonly spreadOver64Streams: LoadSummary;
    /** The one stream's revision (from the overview's ETag) before the first round and after the last. */
    readonly oneStreamRevision: { readonly before: number; readonly after: number };
  };
  readonly reads: {
    readonly overview: LoadSummary;
    readonly bareSelect: LoadSummary;
    readonly overviewBesideWriters: LoadSummary;
    readonly writersBesideOverview: LoadSummary;
    readonly bareSelectBesideWriters: LoadSummary;
    readonly writersBesideBareSelect: LoadSummary;
  };
  readonly liveFeeds: LiveFeedsResults;
}

const CONNECTIONS = 64;
const WRITERS_BESIDE = 16;
const ORGANISATION = { name: "Bench organisation", kind: "municipality" };

/** How long the log's head must stay where it is for the real server to count as idle. */
const QUIET_MS = 200;

interface Health {
  readonly headPosition: number;
  readonly projections: ReadonlyArray<{ readonly position: number }>;
}

/** The revision in a stream-revision ETag (`"<revision>-<digest>"`, docs/api.md "Reads"). */
const revisionOf = (etag: string | null): number => Number(etag?.match(/^"(\d+)-/)?.[1] ?? Number.NaN);

/**
 * Waits until `server` has done what the last load left it: when a timed run stops,
 * autocannon drops its connections, but the server still answers what they had sent, up
 * to one request a connection (waited for at the rate just measured, 2 s at most), and the
 * real server then appends and projects the writes among them. The next load starts on a
 * server with nothing else to do: the log's head still for QUIET_MS and every read model
 * at it (`GET /health`; the bare server has no read models).
 */
async function settle(
  server: BenchServer,
  loads: ReadonlyArray<Load> = [],
  results: ReadonlyArray<LoadResult> = [],
): Promise<void> {
  const inFlightMs = Math.max(0, ...results.map((r, i) => (1000 * loads[i]!.connections) / Math.max(r.perSecond, 1)));
  await sleep(Math.min(inFlightMs, 2_000));
  if (server.kind === "bare") return;
  const deadline = Date.now() + 60_000;
  let head = -1;
  let stillSince = now();
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${server.url}/health`)).json()) as Health;
    const caughtUp = health.projections.every((projection) => projection.position >= health.headPosition);
    if (health.headPosition !== head || !caughtUp) {
      head = health.headPosition;
      stillSince = now();
    } else if (now() - stillSince >= QUIET_MS) return;
    await sleep(50);
  }
  throw new Error("The real server did not settle within a minute");
}

/**
 * Issue 16's HTTP figures: the real server (built, as a child process, with the demo
 * history, so the overview read is one of a realistic initiative) against the bare Fastify
 * baseline (bare-server.ts: the same token check, one row per request with the store's
 * pragmas), both driven by autocannon from this process in interleaved rounds:
 *
 * - writes to new streams: each request registers an organisation, a new stream of one
 *   event with nothing else to read or check, the nearest the real server comes to the
 *   bare route's one row; against the bare insert;
 * - writes to one stream: goals on one initiative of `streamEvents` events, no If-Match
 *   (every write must succeed: no 409), against the same writes spread over 64
 *   initiatives;
 * - overview reads (`GET /api/v1/initiatives/{id}`) against the bare route selecting one
 *   row holding that overview's JSON, alone and with 16 connections writing beside them
 *   (registering organisations: writes to other streams, as most writes are to a reader).
 *
 * And first, while the server is quiet: `liveFeeds` live feeds receiving `liveFeedWrites` writes, one at a time.
 */
export async function benchHttp(options: HttpBenchOptions): Promise<HttpResults> {
  const dataDir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), "mandat-bench-http-"));
  const servers: BenchServer[] = [];
  const started = now();
  const say = (what: string) => console.log(`  [${Math.round((now() - started) / 1000)} s] ${what}`);
  try {
    const [real, bare] = await Promise.all([
      startBenchServer(dataDir, {
        MANDAT_DEMO: "on",
        AUTH_JWT_SECRET: BENCH_SECRET,
        MANDAT_LIVE_FEEDS_PER_PRINCIPAL: String(options.liveFeeds),
        MANDAT_LIVE_FEEDS_TOTAL: String(options.liveFeeds),
      }),
      startBareServer(dataDir, BENCH_SECRET),
    ]);
    servers.push(real, bare);
    const { token, organisationId } = await coreTeamMember(real.url);
    const core = client(real.url, token);

    // The read: the demo initiative with the largest overview.
    const initiatives = JSON.parse((await core.get("/api/v1/initiatives")).text) as Array<{ id: string }>;
    const overviews = await Promise.all(
      initiatives.map(async ({ id }) => ({ id, json: (await core.get(`/api/v1/initiatives/${id}`)).text })),
    );
    const read = overviews.reduce((largest, o) => (o.json.length > largest.json.length ? o : largest));
    const row = created(await client(bare.url, token).post("/bare/rows", JSON.parse(read.json)));

    const register = (name: string) =>
      core.post("/api/v1/initiatives", {
        name,
        focusArea: "bench",
        description: "Benchmarked",
        organisationIds: [organisationId],
      });
    const long = created(await register("One long initiative"));
    say(`growing one initiative to ${options.streamEvents} events`);
    // Eight at a time: writes to one stream wait for each other in the server, none is refused.
    const growth = await drive(
      real.url,
      { method: "POST", path: `/api/v1/initiatives/${long}/goals`, token, body: { statement: "Earlier goal" }, connections: 8 },
      { amount: options.streamEvents - 1 },
    );
    if (growth.non2xx + growth.errors > 0) throw new Error(`Growing the stream failed: ${JSON.stringify(growth.statuses)}`);
    const registered = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => register(`Initiative ${i}`)));
    const spread = registered.map(created);
    await settle(real);
    const revisionBefore = revisionOf((await core.get(`/api/v1/initiatives/${long}`)).headers.get("etag"));

    say(`${options.liveFeeds} live feeds receiving ${options.liveFeedWrites} writes, one after another`);
    const liveFeeds = await benchLiveFeeds(real.url, token, options.liveFeeds, options.liveFeedWrites);
    await settle(real);

    const load = (method: Load["method"], path: Load["path"], body?: unknown, connections = CONNECTIONS): Load => ({
      method,
      path,
      token,
      connections,
      ...(body === undefined ? {} : { body }),
    });
    const newStreams = load("POST", "/api/v1/organisations", ORGANISATION);
    const bareInsert = load("POST", "/bare/rows", ORGANISATION);
    const goal = { statement: "Bench goal" };
    const overview = load("GET", `/api/v1/initiatives/${read.id}`);
    const bareSelect = load("GET", `/bare/rows/${row}`);
    const besideReaders = (writes: Load): Load => ({ ...writes, connections: WRITERS_BESIDE });
    const measure = (server: BenchServer, loads: ReadonlyArray<Load>) => async () => {
      const results = await driveTogether(server.url, loads, options.seconds);
      await settle(server, loads, results);
      return results;
    };
    say(`${options.rounds} rounds of 8 loads, ${options.seconds} s each`);
    const samples = await interleaved(options.rounds, {
      newStreams: measure(real, [newStreams]),
      bareInsert: measure(bare, [bareInsert]),
      oneStream: measure(real, [load("POST", `/api/v1/initiatives/${long}/goals`, goal)]),
      spreadOver64Streams: measure(real, [load("POST", (i) => `/api/v1/initiatives/${spread[i % spread.length]}/goals`, goal)]),
      overview: measure(real, [overview]),
      bareSelect: measure(bare, [bareSelect]),
      overviewBesideWriters: measure(real, [overview, besideReaders(newStreams)]),
      bareSelectBesideWriters: measure(bare, [bareSelect, besideReaders(bareInsert)]),
    });
    const revisionAfter = revisionOf((await core.get(`/api/v1/initiatives/${long}`)).headers.get("etag"));

    const nth = (n: number, runs: ReadonlyArray<ReadonlyArray<LoadResult>>) => summarise(runs.map((run) => run[n]!));
    return {
      rounds: options.rounds,
      secondsPerRound: options.seconds,
      connections: { load: CONNECTIONS, writersBeside: WRITERS_BESIDE },
      overview: { initiative: read.id, bytes: Buffer.byteLength(read.json) },
      writes: {
        newStreams: nth(0, samples.newStreams),
        bareInsert: nth(0, samples.bareInsert),
        oneStream: nth(0, samples.oneStream),
        spreadOver64Streams: nth(0, samples.spreadOver64Streams),
        oneStreamRevision: { before: revisionBefore, after: revisionAfter },
      },
      reads: {
        overview: nth(0, samples.overview),
        bareSelect: nth(0, samples.bareSelect),
        overviewBesideWriters: nth(0, samples.overviewBesideWriters),
        writersBesideOverview: nth(1, samples.overviewBesideWriters),
        bareSelectBesideWriters: nth(0, samples.bareSelectBesideWriters),
        writersBesideBareSelect: nth(1, samples.bareSelectBesideWriters),
      },
      liveFeeds,
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

import autocannon from "autocannon";
import { median, now, percentile, round } from "./measure.js";

/** One kind of request, sent over `connections` connections kept busy, each waiting for its answer. */
export interface Load {
  readonly method: "GET" | "POST";
  /** The path of every request, or of the i-th one (to spread requests over streams). */
  readonly path: string | ((i: number) => string);
  readonly token: string;
  readonly body?: unknown;
  readonly connections: number;
}

export interface LoadResult {
  /** Answered 2xx per second, after the ramp: a refused request is no work done. */
  readonly perSecond: number;
  /** Answered in all, ramp included. */
  readonly requests: number;
  /** Latency of the requests sent after the ramp. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The slowest answer to a request sent during the ramp, when the connections were new. */
  readonly rampMaxMs: number;
  /** Answers by status, ramp included, e.g. { "201": 3000, "409": 2 }. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly non2xx: number;
  /** Requests that got no answer (socket errors, timeouts). */
  readonly errors: number;
}

/**
 * The first moments of a timed load, while its connections open and their first requests
 * arrive at once: not timed. On the real server the first answers on 64 new connections
 * take up to seconds, which in a run of 3 s would make its p99 a figure of the run's length
 * (how many requests the ramp holds) rather than of the server under load; `rampMaxMs`
 * keeps it in sight.
 */
const RAMP_MS = 500;

/**
 * Drives `load` against the server at `url` with autocannon, for `seconds` (timing what is
 * sent after the ramp) or until `amount` requests are answered (timing all).
 */
export async function drive(url: string, load: Load, limit: { seconds: number } | { amount: number }): Promise<LoadResult> {
  const { path } = load;
  let issued = 0;
  const options: autocannon.Options = {
    url,
    connections: load.connections,
    ...("seconds" in limit ? { duration: limit.seconds } : { amount: limit.amount }),
    timeout: 30,
    requests: [
      {
        method: load.method,
        headers: {
          authorization: `Bearer ${load.token}`,
          ...(load.body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(load.body === undefined ? {} : { body: JSON.stringify(load.body) }),
        ...(typeof path === "string" ? { path } : { setupRequest: (request) => ({ ...request, path: path(issued++) }) }),
      },
    ],
  };
  const ramp = "seconds" in limit ? RAMP_MS : 0;
  const started = now();
  const latencies: number[] = [];
  let succeeded = 0;
  let rampMaxMs = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (now() - started - responseTime < ramp) {
        rampMaxMs = Math.max(rampMaxMs, responseTime);
        return;
      }
      latencies.push(responseTime);
      if (status >= 200 && status < 300) succeeded++;
    });
  });
  const timedSeconds = (now() - started - ramp) / 1000;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
  );
  return {
    perSecond: Math.round(succeeded / timedSeconds),
    requests: result["2xx"] + result.non2xx,
    p50Ms: round(percentile(latencies, 50), 1),
    p99Ms: round(percentile(latencies, 99), 1),
    rampMaxMs: Math.round(rampMaxMs),
    statuses,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Several loads at once against one server: e.g. readers with writers beside them. */
export const driveTogether = (url: string, loads: ReadonlyArray<Load>, seconds: number): Promise<LoadResult[]> =>
  Promise.all(loads.map((load) => drive(url, load, { seconds })));

/**
 * Runs each measurement once per round, in the order given, for `rounds` rounds (A, B, C,
 * A, B, C, ...): whatever else the machine does in a moment weighs on all of them alike.
 */
export async function interleaved<M extends Readonly<Record<string, () => Promise<unknown>>>>(
  rounds: number,
  measurements: M,
): Promise<{ [K in keyof M]: Array<Awaited<ReturnType<M[K]>>> }> {
  const samples: Record<string, unknown[]> = Object.fromEntries(Object.keys(measurements).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, measure] of Object.entries(measurements)) samples[name]!.push(await measure());
  }
  return samples as { [K in keyof M]: Array<Awaited<ReturnType<M[K]>>> };
}

/** Rounds of one load summed up: the median of each figure across rounds; the answers, summed. */
export interface LoadSummary extends LoadResult {
  readonly rounds: number;
  /** req/s in each round, in order: how much the machine wavered. */
  readonly perSecondByRound: ReadonlyArray<number>;
}

export function summarise(rounds: ReadonlyArray<LoadResult>): LoadSummary {
  const medianOf = (figure: (r: LoadResult) => number) => figure(median(rounds, figure));
  const sum = (figure: (r: LoadResult) => number) => rounds.reduce((total, r) => total + figure(r), 0);
  const statuses: Record<string, number> = {};
  for (const r of rounds)
    for (const [status, count] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + count;
  return {
    rounds: rounds.length,
    perSecondByRound: rounds.map((r) => r.perSecond),
    perSecond: medianOf((r) => r.perSecond),
    requests: sum((r) => r.requests),
    p50Ms: medianOf((r) => r.p50Ms),
    p99Ms: medianOf((r) => r.p99Ms),
    rampMaxMs: medianOf((r) => r.rampMaxMs),
    statuses,
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
  };
}

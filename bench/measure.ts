/** Small timing helpers: wall time in ms and latency percentiles. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export const percentile = (samples: ReadonlyArray<number>, p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export interface Throughput {
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
}

export const throughput = (operations: number, elapsedMs: number, latencies?: ReadonlyArray<number>): Throughput => ({
  operations,
  seconds: round(elapsedMs / 1000, 3),
  perSecond: Math.round(operations / (elapsedMs / 1000)),
  ...(latencies ? { p50Ms: round(percentile(latencies, 50), 3), p99Ms: round(percentile(latencies, 99), 3) } : {}),
});

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The sample whose `by` is the median (the lower middle for an even count). */
export const median = <A>(samples: ReadonlyArray<A>, by: (sample: A) => number): A => {
  const sorted = [...samples].sort((a, b) => by(a) - by(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

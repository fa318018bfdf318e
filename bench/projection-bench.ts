import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EventStoreService } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import {
  ProjectionRunner,
  REBUILD_BATCH_SIZE,
  allProjections,
  initiativeOverview,
  mandateHistory,
  openReadModelDatabase,
} from "#projections";
import { addDays } from "#domain";
import { Effect } from "effect";
import { HistoryGenerator } from "#projections/history-generator";
import { type CursorWalk, cursorWalk } from "./cursor-walk.js";
import { rawReadAndParse } from "./raw-read.js";
import { rawWritesOfRebuiltRows } from "./raw-writes.js";
import { type Throughput, median, now, percentile, round, throughput } from "./measure.js";

export interface ProjectionBenchResults {
  readonly logEvents: number;
  readonly rawReadAndParse: Throughput;
  /** The log walked with the store's cursor, events untouched: what getting them costs a rebuild's event loop. */
  readonly cursorWalk: CursorWalk;
  readonly rebuild: Throughput;
  /** The CPU time of all the rebuild's threads (its median round), against the cores this machine has. */
  readonly rebuildCpu: { readonly seconds: number; readonly cores: number };
  /** The rows the rebuild left, written raw (rawWritesOfRebuiltRows): what its writes cost on their own. */
  readonly rawWritesOfRebuiltRows: Throughput;
  readonly rebuildPeakRssMb: number;
  readonly queryEvents: number;
  readonly overviewLatency: { readonly p50Ms: number; readonly p99Ms: number; readonly samples: number };
  readonly mandateHistoryLatency: { readonly p50Ms: number; readonly p99Ms: number; readonly samples: number };
}

const progress = (label: string) => (done: number) => {
  if (done % 100_000 < 5_000) process.stdout.write(`\r  ${label}: ${done} events`);
};

async function generate(path: string, initiatives: number, eventsPerInitiative: number): Promise<number> {
  const store = SqliteEventStore.open({ path });
  try {
    const generator = new HistoryGenerator(store, { initiatives, eventsPerInitiative, seed: 11 }, progress("writing the log"));
    await Effect.runPromise(generator.run());
    process.stdout.write("\n");
    return Effect.runPromise(store.headPosition);
  } finally {
    store.close();
  }
}

/** The rebuild runs in its own process so that its peak RSS is its own. */
function rebuildInChild(
  logPath: string,
  readModelsPath: string,
): Promise<{ events: number; ms: number; cpuMs: number; maxRssKb: number }> {
  const child = join(fileURLToPath(new URL(".", import.meta.url)), "rebuild-child.js");
  return new Promise((resolve, reject) => {
    // The same V8 heap limit as the mandat command line, whose rebuild this measures.
    const process_ = spawn(process.execPath, ["--max-old-space-size=256", child, logPath, readModelsPath], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    process_.stdout.on("data", (chunk) => (output += chunk));
    process_.on("exit", (code) => {
      const result = output.split("\n").find((line) => line.startsWith("{"));
      if (code === 0 && result) resolve(JSON.parse(result));
      else reject(new Error(`rebuild child exited with ${code}: ${output}`));
    });
  });
}

async function queryLatencies(directory: string, eventsOfOneInitiative: number) {
  const logPath = join(directory, "one-initiative.sqlite");
  const store = SqliteEventStore.open({ path: logPath });
  const generator = new HistoryGenerator(store, { initiatives: 1, eventsPerInitiative: eventsOfOneInitiative, seed: 5 });
  const [initiativeId] = await Effect.runPromise(generator.run());
  const db = openReadModelDatabase(join(directory, "one-initiative-read-models.sqlite"));
  const runner = new ProjectionRunner(db, store as EventStoreService, allProjections);
  await Effect.runPromise(runner.start());
  await Effect.runPromise(runner.waitFor(await Effect.runPromise(store.headPosition), 120_000));
  await Effect.runPromise(runner.stop());
  const recorded = db
    .prepare<[], { first: string; last: string }>(
      "SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM mandate_versions",
    )
    .get()!;
  const span = Date.parse(recorded.last) - Date.parse(recorded.first);
  const sample = (i: number) => ({
    asOf: new Date(Date.parse(recorded.first) + (((i * 7919) % 1000) / 1000) * span).toISOString(),
    at: addDays("2020-02-01", (i * 104_729) % 3_000),
  });
  const time = (query: (i: number) => unknown) => {
    for (let i = 0; i < 100; i++) query(i);
    const samples: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const t0 = now();
      query(i);
      samples.push(now() - t0);
    }
    return { p50Ms: round(percentile(samples, 50), 3), p99Ms: round(percentile(samples, 99), 3), samples: samples.length };
  };
  const overviewLatency = time((i) => initiativeOverview(db, initiativeId!, sample(i)));
  const mandateHistoryLatency = time((i) => mandateHistory(db, initiativeId!, { asOf: sample(i).asOf }));
  db.close();
  store.close();
  return { overviewLatency, mandateHistoryLatency, queryEvents: generator.written };
}

/**
 * Writes the log, or copies it from BENCH_LOG_CACHE (a directory, for repeated local runs:
 * a million events take minutes to write), where it is kept by size after writing it once.
 */
async function generateOrReuse(logPath: string, initiatives: number, perInitiative: number): Promise<number> {
  const cacheDirectory = process.env.BENCH_LOG_CACHE;
  if (!cacheDirectory) return generate(logPath, initiatives, perInitiative);
  const cached = join(cacheDirectory, `projection-log-${initiatives}x${perInitiative}.sqlite`);
  if (!existsSync(cached)) {
    mkdirSync(cacheDirectory, { recursive: true });
    await generate(cached, initiatives, perInitiative);
  }
  console.log(`  the log from ${cached}`);
  copyFileSync(cached, logPath);
  const store = SqliteEventStore.open({ path: logPath, fileMustExist: true });
  try {
    return await Effect.runPromise(store.headPosition);
  } finally {
    store.close();
  }
}

export async function benchProjections(
  directory: string,
  sizes: { readonly logEvents: number; readonly eventsOfOneInitiative: number },
): Promise<ProjectionBenchResults> {
  const logPath = join(directory, "projection-log.sqlite");
  const perInitiative = 1_000;
  const logEvents = await generateOrReuse(logPath, Math.ceil(sizes.logEvents / perInitiative), perInitiative);
  // The rebuild against the raw read, in interleaved rounds, each figure the median of its
  // rounds: one rebuild moved the ratio by up to 0.04 on a shared machine.
  console.log(
    "  raw read of the log with JSON parse, then a rebuild of every read model from it (separate process), three rounds",
  );
  const rebuiltPath = join(directory, "rebuilt-read-models.sqlite");
  const raws: Throughput[] = [];
  const rebuilds: Array<Awaited<ReturnType<typeof rebuildInChild>>> = [];
  for (let round = 0; round < 3; round++) {
    raws.push(rawReadAndParse(logPath));
    // Every round builds from nothing, as the first did.
    for (const suffix of ["", "-wal", "-shm"]) rmSync(rebuiltPath + suffix, { force: true });
    rebuilds.push(await rebuildInChild(logPath, rebuiltPath));
  }
  const raw = median(raws, (run) => run.perSecond);
  const rebuilt = { ...median(rebuilds, (run) => run.ms), maxRssKb: Math.max(...rebuilds.map((run) => run.maxRssKb)) };
  console.log("  the log through the store's cursor, events untouched (median of three)");
  const walk = () => cursorWalk(logPath, REBUILD_BATCH_SIZE);
  const walked = median([await walk(), await walk(), await walk()], (run) => run.busySeconds);
  console.log("  writing the rebuilt rows raw: what a rebuild's writes cost on their own");
  // The median of three, as the raw read it is set against: one sample moved the bound by 0.01-0.02.
  const writeRaw = () => rawWritesOfRebuiltRows(rebuiltPath, join(directory, "raw-writes.sqlite"));
  const rawWrites = median([writeRaw(), writeRaw(), writeRaw()], (run) => run.perSecond);
  console.log(`  asOf/at queries on one initiative with about ${sizes.eventsOfOneInitiative} events`);
  const queries = await queryLatencies(directory, sizes.eventsOfOneInitiative);
  return {
    logEvents,
    rawReadAndParse: raw,
    cursorWalk: walked,
    rebuild: throughput(rebuilt.events, rebuilt.ms),
    rebuildCpu: { seconds: round(rebuilt.cpuMs / 1000, 2), cores: availableParallelism() },
    rawWritesOfRebuiltRows: rawWrites,
    rebuildPeakRssMb: Math.round(rebuilt.maxRssKb / 1024),
    ...queries,
  };
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchEventStore } from "./event-store-bench.js";
import { benchProjections } from "./projection-bench.js";
import { benchStreamLengths } from "./stream-length-bench.js";
import { benchHttp } from "./http-bench.js";
import type { LoadSummary } from "./load.js";
import { benchWebApp } from "./web-app-bench.js";
import { round } from "./measure.js";
import { type Target, meets, printTable, printTargets, writeResults } from "./report.js";

/**
 * `npm run bench`: every figure is compared with a raw better-sqlite3 baseline measured
 * in the same run on the same disk, so the ratios travel between machines; absolute
 * numbers do not. BENCH_SCALE=0.1 runs a quick, smaller pass. BENCH_ONLY=web (or engine,
 * http, projections, or a list: engine,http) runs those sections: "engine" (event store,
 * read models, stream lengths), "projections" (the read models alone: rebuild and asOf/at
 * queries, a part of "engine"), "streams" (command latency by stream length, a part of
 * "engine"), "http" (the real server against a bare Fastify route, and
 * live feeds), "web" (the web app in Chromium).
 */
const scale = Number(process.env.BENCH_SCALE ?? "1");
const sized = (n: number) => Math.max(100, Math.round(n * scale));
const SECTIONS = ["engine", "projections", "streams", "http", "web"] as const;
const only = process.env.BENCH_ONLY?.split(",").map((section) => section.trim());
const unknown = only?.filter((section) => !(SECTIONS as ReadonlyArray<string>).includes(section)) ?? [];
if (unknown.length > 0) throw new Error(`BENCH_ONLY names no section ${unknown.join(", ")}: one of ${SECTIONS.join(", ")}`);
const runs = (section: (typeof SECTIONS)[number]) => only === undefined || only.includes(section);
const directory = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), "mandat-bench-"));

/** The engine's sections: their figures for latest.json; their targets pushed onto `targets`. */
async function benchEngine(targets: Target[]): Promise<Record<string, unknown>> {
  if (!runs("engine")) return { projections: await benchReadModels(targets) };
  const store = await benchEventStore(directory, {
    rounds: 3,
    rawSingle: sized(2_000),
    rawBatched: sized(100_000),
    engineSingle: sized(2_000),
    engineConcurrent: sized(30_000),
    logSize: sized(200_000),
  });

  printTable(
    "Event store (file-backed, WAL, synchronous=FULL)",
    Object.entries(store).map(([name, t]) => ({
      measurement: name,
      "ops/s": t.perSecond,
      operations: t.operations,
      "p50 ms": t.p50Ms ?? "",
      "p99 ms": t.p99Ms ?? "",
    })),
  );

  targets.push(
    {
      name: "(c) 64 in flight vs (b) raw 100/tx",
      measured: store.engineCommands64.perSecond / store.rawInsertHundredPerTransaction.perSecond,
      comparator: ">=",
      goal: 0.4,
      unit: "x",
      bound: {
        value: store.pipelineOverRawRows64.perSecond / store.rawInsertHundredPerTransaction.perSecond,
        assuming: "today's command pipeline, over a store that only inserts raw rows",
      },
    },
    {
      name: "(e) catch-up read vs (d) raw read+parse",
      measured: store.engineCatchUpRead.perSecond / store.rawReadAndParse.perSecond,
      comparator: ">=",
      goal: 0.5,
      unit: "x",
    },
    {
      name: "(c) 1 in flight p99 minus (a) p99",
      measured: (store.engineCommands1.p99Ms ?? 0) - (store.rawInsertOnePerTransaction.p99Ms ?? 0),
      comparator: "<=",
      goal: 2,
      unit: " ms",
    },
  );
  // BENCH_ENGINE=pipeline: the event store and command pipeline alone, the quick loop for their work.
  if (process.env.BENCH_ENGINE === "pipeline") return { eventStore: store };
  const projections = await benchReadModels(targets);

  const streamLengths = await benchStreamLengthSection(targets);
  return { eventStore: store, projections, streamLengths };
}

/**
 * Issue 16: a command's cost must not grow with its stream's length. The stream lengths are
 * the issue's, whatever the scale. A part of "engine"; BENCH_ONLY=streams runs it alone.
 */
async function benchStreamLengthSection(targets: Target[]) {
  const streamLengths = await benchStreamLengths(directory, [10, 100, 1_000, 10_000], Math.max(20, Math.round(200 * scale)));
  printTable(
    "Command latency by stream length (SetGoal, one in flight)",
    streamLengths.map((r) => ({ "stream events": r.events, commands: r.commands, "p50 ms": r.p50Ms, "p99 ms": r.p99Ms })),
  );
  const latencyAt = (events: number) => streamLengths.find((r) => r.events === events)!.p50Ms;
  targets.push({
    name: "command p50 at 10,000 events vs at 10",
    measured: latencyAt(10_000) / latencyAt(10),
    comparator: "<=",
    goal: 2,
    unit: "x",
  });
  return streamLengths;
}

/**
 * One row of an HTTP table: a load's medians, and its throughput against the bare route's.
 * req/s and the latencies leave out each run's first 500 ms, while its connections open;
 * "ramp max ms" is the slowest answer to a request sent then (load.ts).
 */
const httpRow = (load: string, server: string, r: LoadSummary, bare?: LoadSummary) => ({
  load,
  server,
  "req/s": r.perSecond,
  "vs bare": bare ? `${round(r.perSecond / bare.perSecond, 2)}x` : "",
  "p50 ms": r.p50Ms,
  "p99 ms": r.p99Ms,
  "ramp max ms": r.rampMaxMs,
  "non-2xx": r.non2xx + r.errors,
  answers: JSON.stringify(r.statuses),
});

/**
 * Issue 16 over HTTP (http-bench.ts): the real server against a bare Fastify route, driven
 * by autocannon in interleaved rounds, and 1,000 live feeds receiving a write. Writes to
 * new streams have no goal in the issue (it measured 1.06x of the bare route): the ratio
 * is printed, not judged.
 */
async function benchHttpSection(targets: Target[]): Promise<Record<string, unknown>> {
  const http = await benchHttp({
    rounds: scale >= 1 ? 5 : 3,
    // The first 500 ms of a run go to opening its connections and are not timed (load.ts).
    seconds: scale >= 1 ? 2.5 : 2,
    streamEvents: 1_000,
    liveFeeds: 1_000,
    liveFeedWrites: scale >= 1 ? 5 : 3,
  });
  const { writes, reads, liveFeeds } = http;
  const medians = `medians of ${http.rounds} interleaved rounds of ${http.secondsPerRound} s`;
  const revisions = `revision ${writes.oneStreamRevision.before} to ${writes.oneStreamRevision.after}`;
  printTable(`HTTP writes, ${http.connections.load} connections, no If-Match (${medians})`, [
    httpRow("new streams (register an organisation)", "real", writes.newStreams, writes.bareInsert),
    httpRow("insert one row", "bare", writes.bareInsert),
    httpRow(`one stream (goals on one initiative, ${revisions})`, "real", writes.oneStream, writes.bareInsert),
    httpRow("64 streams (goals on 64 initiatives)", "real", writes.spreadOver64Streams, writes.bareInsert),
  ]);
  const beside = `beside ${http.connections.writersBeside} writers`;
  printTable(`HTTP reads, ${http.connections.load} connections (${medians}; the overview is ${http.overview.bytes} bytes)`, [
    httpRow("overview GET /api/v1/initiatives/{id}", "real", reads.overview, reads.bareSelect),
    httpRow("select one row (the same JSON)", "bare", reads.bareSelect),
    httpRow(`overview ${beside}`, "real", reads.overviewBesideWriters, reads.bareSelectBesideWriters),
    httpRow(`select one row ${beside}`, "bare", reads.bareSelectBesideWriters),
    httpRow("  their writers (register an organisation)", "real", reads.writersBesideOverview, reads.writersBesideBareSelect),
    httpRow("  their writers (insert one row)", "bare", reads.writersBesideBareSelect),
  ]);
  printTable(
    `${liveFeeds.feeds} live feeds, each write timed from just before it was sent to each feed receiving its event`,
    liveFeeds.writes.map((w, i) => ({
      write: i + 1,
      "write answered ms": w.writeMs,
      received: `${w.received} of ${liveFeeds.feeds}`,
      "p50 ms": w.p50Ms,
      "p99 ms": w.p99Ms,
      "last ms": w.maxMs,
    })),
  );
  targets.push(
    {
      name: "overview reads vs bare select-one-row route",
      measured: reads.overview.perSecond / reads.bareSelect.perSecond,
      comparator: ">=",
      goal: 0.5,
      unit: "x",
    },
    { name: `overview p99 ${beside}`, measured: reads.overviewBesideWriters.p99Ms, comparator: "<=", goal: 20, unit: " ms" },
    {
      // Without If-Match every write must succeed: a 409 (or any other refusal) is a lost write.
      name: "non-2xx answers (409s and any other) of 64 writers on one stream",
      measured: writes.oneStream.non2xx + writes.oneStream.errors,
      comparator: "<=",
      goal: 0,
      unit: "",
    },
    {
      name: "64 writers: one stream vs 64 streams",
      measured: writes.oneStream.perSecond / writes.spreadOver64Streams.perSecond,
      comparator: ">=",
      goal: 0.5,
      unit: "x",
    },
    // No goal for the delivery time in the issues (p50/p99 are printed above): every feed must get every write.
    {
      name: `live feeds reached by each write (of ${liveFeeds.feeds})`,
      measured: liveFeeds.received,
      comparator: ">=",
      goal: liveFeeds.feeds,
      unit: "",
    },
  );
  return { http };
}

/** The read models: rebuild vs a raw read of the same log, and asOf/at query latencies. */
async function benchReadModels(targets: Target[]) {
  const projections = await benchProjections(directory, {
    logEvents: sized(1_000_000),
    eventsOfOneInitiative: sized(10_000),
  });
  printTable("Read models", [
    {
      measurement: "raw read + JSON parse of the log",
      "events/s": projections.rawReadAndParse.perSecond,
      events: projections.logEvents,
    },
    {
      measurement: "the log through the store's cursor, events untouched",
      "events/s": projections.cursorWalk.walk.perSecond,
      events: projections.cursorWalk.walk.operations,
    },
    {
      measurement: "  of which the event loop was busy (s)",
      "events/s": "",
      events: projections.cursorWalk.busySeconds,
    },
    {
      measurement: "rebuild of every read model",
      "events/s": projections.rebuild.perSecond,
      events: projections.rebuild.operations,
    },
    {
      measurement: `  its CPU time, all its threads (s; cores busy of ${projections.rebuildCpu.cores})`,
      "events/s": "",
      events: `${projections.rebuildCpu.seconds} (${round(projections.rebuildCpu.seconds / projections.rebuild.seconds, 2)})`,
    },
    {
      measurement: "the rebuilt rows written raw (rows/s, rows)",
      "events/s": projections.rawWritesOfRebuiltRows.perSecond,
      events: projections.rawWritesOfRebuiltRows.operations,
    },
    { measurement: "rebuild peak RSS (MB)", "events/s": "", events: projections.rebuildPeakRssMb },
    {
      measurement: `overview asOf/at p50 / p99 ms (${projections.queryEvents} events)`,
      "events/s": "",
      events: `${projections.overviewLatency.p50Ms} / ${projections.overviewLatency.p99Ms}`,
    },
    {
      measurement: "mandate history asOf p50 / p99 ms",
      "events/s": "",
      events: `${projections.mandateHistoryLatency.p50Ms} / ${projections.mandateHistoryLatency.p99Ms}`,
    },
  ]);
  const readSeconds = projections.logEvents / projections.rawReadAndParse.perSecond;
  targets.push(
    {
      name: "rebuild vs raw read+parse of the same log",
      measured: projections.rebuild.perSecond / projections.rawReadAndParse.perSecond,
      comparator: ">=",
      goal: 0.5,
      unit: "x",
      // The rebuild's event loop takes every event in from the cursor and writes every row;
      // reading and parsing are on the cursor's thread, overlapped with the writes.
      bound: {
        value: readSeconds / (projections.cursorWalk.busySeconds + projections.rawWritesOfRebuiltRows.seconds),
        assuming: "the event loop takes the events in from the store's cursor and writes today's rows raw",
      },
    },
    { name: "rebuild peak RSS", measured: projections.rebuildPeakRssMb, comparator: "<=", goal: 300, unit: " MB" },
    { name: "overview asOf/at p99", measured: projections.overviewLatency.p99Ms, comparator: "<=", goal: 5, unit: " ms" },
    {
      name: "mandate history asOf p99",
      measured: projections.mandateHistoryLatency.p99Ms,
      comparator: "<=",
      goal: 5,
      unit: " ms",
    },
  );
  return projections;
}

/**
 * Issue 13's web app: what the first page loads (gzip; goal <= 200 KB) and the time until To
 * do shows its content on the demo, median of 10 loads (no goal in the issue; 1,500 ms is
 * ours, for a page on the same machine as its server).
 */
async function benchWeb(targets: Target[]): Promise<Record<string, unknown>> {
  const web = await benchWebApp(10);
  printTable(
    `Web app: what ${web.firstPage.path} loads in a fresh profile (it lands on ${web.firstPage.landedOn})`,
    web.firstPage.files.map((file) => ({
      file: file.file,
      KB: round(file.bytes / 1024, 1),
      "gzip KB": round(file.gzipBytes / 1024, 1),
    })),
  );
  printTable(`Web app: To do on the demo for ${web.toDo.person}, ${web.toDo.loads} loads as a returning user`, [
    {
      "heading median ms": web.toDo.headingMedianMs,
      "content median ms": web.toDo.medianMs,
      "content p90 ms": web.toDo.p90Ms,
      samples: web.toDo.samplesMs.join(" "),
    },
  ]);
  targets.push(
    {
      name: "first page's JS and CSS (gzip)",
      measured: web.firstPage.gzipBytes / 1024,
      comparator: "<=",
      goal: 200,
      unit: " KB",
    },
    { name: "To do shows its content (median of 10)", measured: web.toDo.medianMs, comparator: "<=", goal: 1_500, unit: " ms" },
  );
  return { web };
}

console.log(`Mandat benchmark (scale ${scale}${only ? `, only ${only.join(", ")}` : ""}) in ${directory}`);
try {
  const targets: Target[] = [];
  const results = {
    ...(runs("engine") || runs("projections") ? await benchEngine(targets) : {}),
    ...(runs("streams") && !runs("engine") ? { streamLengths: await benchStreamLengthSection(targets) } : {}),
    ...(runs("http") ? await benchHttpSection(targets) : {}),
    ...(runs("web") ? await benchWeb(targets) : {}),
  };
  printTargets(targets);

  const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bench", "results");
  const path = writeResults(resultsDir, {
    recordedAt: new Date().toISOString(),
    scale,
    node: process.version,
    ...(only ? { only } : {}),
    ...results,
    targets: targets.map((t) => ({
      ...t,
      measured: round(t.measured, 3),
      ...(t.bound ? { bound: { ...t.bound, value: round(t.bound.value, 3) } } : {}),
      met: meets(t),
    })),
  });
  console.log(`\nResults written to ${path}`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}

import { rmSync } from "node:fs";
import { join } from "node:path";
import { executeCommand, registerOrganisation } from "#application";
import type { Principal } from "#domain";
import { EventStore, ExpectedRevision, uuidV7 } from "#event-store";
import { EVENT_LOG_SCHEMA, SqliteEventStore, applyPragmas } from "#event-store/sqlite";
import { KeyStore, SqliteKeyStore } from "#privacy";
import Database from "better-sqlite3";
import { Effect, Layer, ManagedRuntime, Stream } from "effect";
import { rawReadAndParse } from "./raw-read.js";
import { openRawRowStore } from "./raw-row-store.js";
import { rawRowInserter } from "./raw-rows.js";
import { type Throughput, median, now, throughput } from "./measure.js";

export interface EventStoreBenchSizes {
  readonly rounds: number;
  readonly rawSingle: number;
  readonly rawBatched: number;
  readonly engineSingle: number;
  readonly engineConcurrent: number;
  readonly logSize: number;
}

export interface EventStoreBenchResults {
  readonly rawInsertOnePerTransaction: Throughput;
  readonly rawInsertHundredPerTransaction: Throughput;
  readonly engineCommands1: Throughput;
  readonly engineCommands64: Throughput;
  /** (c) over a store that only inserts raw rows: how far (c) can go with today's pipeline, whatever the store does. */
  readonly pipelineOverRawRows64: Throughput;
  readonly storeAppends64: Throughput;
  readonly rawReadAndParse: Throughput;
  readonly engineCatchUpRead: Throughput;
}

const payload = { name: "Benchmark organisation with a realistic name", kind: "municipality" } as const;
const metadata = {
  actor: { id: "bench", roles: ["admin"] },
  commandId: uuidV7(),
  correlationId: uuidV7(),
  causationId: uuidV7(),
};
const principal: Principal = { id: "bench", roles: ["admin"] };

/**
 * (a) and (b): the same table, pragmas and row content as the engine (time-ordered ids
 * included), with nothing of the engine around it.
 */
function rawInserts(path: string, events: number, perTransaction: number): Throughput {
  const db = new Database(path);
  applyPragmas(db);
  db.exec(EVENT_LOG_SCHEMA);
  const insertRow = rawRowInserter(db);
  const writeBatch = db.transaction((first: number, count: number) => {
    for (let position = first; position < first + count; position++) {
      insertRow(position, `organisation-${uuidV7()}`, payload, metadata);
    }
  });
  const latencies: number[] = [];
  const started = now();
  for (let position = 1; position <= events; position += perTransaction) {
    const t0 = now();
    writeBatch.immediate(position, Math.min(perTransaction, events - position + 1));
    latencies.push(now() - t0);
  }
  const result = throughput(events, now() - started, perTransaction === 1 ? latencies : undefined);
  db.close();
  return result;
}

/** Keeps `concurrency` operations in flight until `total` have completed. */
async function inFlight(total: number, concurrency: number, operation: () => Promise<unknown>): Promise<Throughput> {
  const latencies: number[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      issued += 1;
      const t0 = now();
      await operation();
      latencies.push(now() - t0);
    }
  };
  const started = now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return throughput(total, now() - started, latencies);
}

/**
 * (c): RegisterOrganisation through the whole command pipeline, as the API runs it, over
 * the embedded store, or over a store that only inserts raw rows (its bound).
 */
async function engineCommands(
  path: string,
  commands: number,
  concurrency: number,
  over: "store" | "raw rows",
): Promise<Throughput> {
  const { store, close } = over === "store" ? embeddedStore(path) : openRawRowStore(path);
  const keys = SqliteKeyStore.open(":memory:");
  const runtime = ManagedRuntime.make(Layer.mergeAll(Layer.succeed(EventStore, store), Layer.succeed(KeyStore, keys)));
  try {
    return await inFlight(commands, concurrency, () =>
      runtime.runPromise(executeCommand(registerOrganisation, { input: payload, principal })),
    );
  } finally {
    await runtime.dispose();
    close();
    keys.close();
  }
}

const embeddedStore = (path: string) => {
  const store = SqliteEventStore.open({ path });
  return { store, close: () => store.close() };
};

/** The store's append alone, to show what the pipeline adds on top of it. */
async function storeAppends(path: string, appends: number, concurrency: number): Promise<Throughput> {
  const store = SqliteEventStore.open({ path });
  const event = { type: "OrganisationRegistered", schemaVersion: 1, data: payload, metadata };
  try {
    return await inFlight(appends, concurrency, () =>
      Effect.runPromise(store.append(`organisation-${uuidV7()}`, [event], ExpectedRevision.noStream)),
    );
  } finally {
    store.close();
  }
}

/** Grows a log to `size` events, in large appends, for the read comparison. */
async function writeLog(path: string, size: number): Promise<void> {
  const store = SqliteEventStore.open({ path });
  const event = { type: "OrganisationRegistered", schemaVersion: 1, data: payload, metadata };
  try {
    const appends: Array<Promise<unknown>> = [];
    for (let written = 0; written < size; written += 500) {
      const events = Array<typeof event>(Math.min(500, size - written)).fill(event);
      appends.push(Effect.runPromise(store.append(`organisation-${uuidV7()}`, events, ExpectedRevision.noStream)));
      if (appends.length === 20) await Promise.all(appends.splice(0));
    }
    await Promise.all(appends);
  } finally {
    store.close();
  }
}

/** (e): the engine's subscription from position 1 until it has delivered the whole log. */
async function engineCatchUp(path: string): Promise<Throughput> {
  const store = SqliteEventStore.open({ path, fileMustExist: true });
  try {
    const size = await Effect.runPromise(store.headPosition);
    const started = now();
    await Effect.runPromise(Stream.runDrain(Stream.take(store.subscribe({ fromPosition: 1, batchSize: 2_000 }), size)));
    return throughput(size, now() - started);
  } finally {
    store.close();
  }
}

/**
 * Every measurement runs `rounds` times, interleaved with the others, on a fresh file
 * each time; the median round is reported. A shared machine's noise then falls on raw
 * and engine alike instead of on whichever ran during a bad second.
 */
export async function benchEventStore(directory: string, sizes: EventStoreBenchSizes): Promise<EventStoreBenchResults> {
  const samples: Record<keyof EventStoreBenchResults, Throughput[]> = {
    rawInsertOnePerTransaction: [],
    rawInsertHundredPerTransaction: [],
    engineCommands1: [],
    engineCommands64: [],
    pipelineOverRawRows64: [],
    storeAppends64: [],
    rawReadAndParse: [],
    engineCatchUpRead: [],
  };
  const fresh = (name: string) => {
    const path = join(directory, `${name}.sqlite`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    return path;
  };
  const logPath = join(directory, "log.sqlite");
  console.log(`  writing a log of ${sizes.logSize} events for the read comparison`);
  await writeLog(logPath, sizes.logSize);

  for (let round = 1; round <= sizes.rounds; round++) {
    console.log(`  round ${round} of ${sizes.rounds}`);
    samples.rawInsertOnePerTransaction.push(rawInserts(fresh("raw-1"), sizes.rawSingle, 1));
    samples.engineCommands1.push(await engineCommands(fresh("engine-1"), sizes.engineSingle, 1, "store"));
    samples.rawInsertHundredPerTransaction.push(rawInserts(fresh("raw-100"), sizes.rawBatched, 100));
    samples.engineCommands64.push(await engineCommands(fresh("engine-64"), sizes.engineConcurrent, 64, "store"));
    samples.pipelineOverRawRows64.push(await engineCommands(fresh("raw-rows-64"), sizes.engineConcurrent, 64, "raw rows"));
    samples.storeAppends64.push(await storeAppends(fresh("store-64"), sizes.engineConcurrent, 64));
    samples.rawReadAndParse.push(rawReadAndParse(logPath));
    samples.engineCatchUpRead.push(await engineCatchUp(logPath));
  }
  const pick = (runs: Throughput[]) => median(runs, (run) => run.perSecond);
  return Object.fromEntries(
    Object.entries(samples).map(([name, runs]) => [name, pick(runs)]),
  ) as unknown as EventStoreBenchResults;
}

import { rmSync } from "node:fs";
import { join } from "node:path";
import { CommandStreams, executeCommand, registerInitiative, registerOrganisation, setGoal } from "#application";
import type { Principal } from "#domain";
import { EventStore, ExpectedRevision, uuidV7 } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { KeyStore, SqliteKeyStore } from "#privacy";
import { Effect, Layer, ManagedRuntime } from "effect";
import { now, percentile, round } from "./measure.js";

export interface StreamLengthLatency {
  /** Events in the stream when the measured commands began. */
  readonly events: number;
  readonly commands: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const principal: Principal = { id: "bench", roles: ["admin", "core-team"] };
const metadata = {
  actor: { id: "bench", roles: ["admin"] },
  commandId: uuidV7(),
  correlationId: uuidV7(),
  causationId: uuidV7(),
};

/**
 * An initiative whose stream holds `events` events: registered through the pipeline, then
 * goals appended straight to the store (a goal per event is the case whose fold grew with
 * the square of the stream: every GoalSet copied the goals map).
 */
async function initiativeOfLength(
  runtime: ManagedRuntime.ManagedRuntime<EventStore | KeyStore | CommandStreams, never>,
  store: SqliteEventStore,
  events: number,
): Promise<string> {
  const organisation = await runtime.runPromise(
    executeCommand(registerOrganisation, { input: { name: "Bench organisation", kind: "municipality" }, principal }),
  );
  const initiative = await runtime.runPromise(
    executeCommand(registerInitiative, {
      input: { name: "Bench initiative", focusArea: "bench", description: "Benchmarked", organisationIds: [organisation.id] },
      principal,
    }),
  );
  for (let revision = 0; revision < events - 1; revision += 500) {
    const goals = Array.from({ length: Math.min(500, events - 1 - revision) }, (_, i) => ({
      type: "GoalSet",
      schemaVersion: 1,
      data: { goalId: uuidV7(), statement: `Goal ${revision + i + 1} of a long-lived initiative` },
      metadata,
    }));
    await Effect.runPromise(store.append(initiative.streamId, goals, ExpectedRevision.at(revision)));
  }
  return initiative.id;
}

/**
 * One SetGoal at a time through the whole command pipeline, on an initiative whose stream
 * already holds `events` events: how a command's latency grows with its stream's length.
 * The first command is a warm-up and is not counted (it finds nothing cached). The
 * pipeline runs as the server runs it: with CommandStreams (libs/platform mandat-layer.ts).
 */
async function latencyAt(path: string, events: number, commands: number): Promise<StreamLengthLatency> {
  const store = SqliteEventStore.open({ path });
  const keys = SqliteKeyStore.open(":memory:");
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      Layer.succeed(EventStore, store),
      Layer.succeed(KeyStore, keys),
      Layer.succeed(CommandStreams, CommandStreams.over(store)),
    ),
  );
  try {
    const initiativeId = await initiativeOfLength(runtime, store, events);
    const command = () =>
      runtime.runPromise(executeCommand(setGoal, { input: { initiativeId, statement: "One more goal" }, principal }));
    await command();
    const latencies: number[] = [];
    for (let i = 0; i < commands; i++) {
      const t0 = now();
      await command();
      latencies.push(now() - t0);
    }
    return {
      events,
      commands,
      p50Ms: round(percentile(latencies, 50), 3),
      p99Ms: round(percentile(latencies, 99), 3),
    };
  } finally {
    await runtime.dispose();
    store.close();
    keys.close();
  }
}

/** Command latency at each stream length, on a fresh file each. */
export async function benchStreamLengths(
  directory: string,
  lengths: ReadonlyArray<number>,
  commands: number,
): Promise<ReadonlyArray<StreamLengthLatency>> {
  const results: StreamLengthLatency[] = [];
  for (const events of lengths) {
    console.log(`  ${commands} commands on a stream of ${events} events`);
    const path = join(directory, `stream-length-${events}.sqlite`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    results.push(await latencyAt(path, events, commands));
  }
  return results;
}

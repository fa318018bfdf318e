import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EventStore, type EventStoreService } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { KeyStore, SqliteKeyStore } from "#privacy";
import { Cause, Effect, Exit, Layer, ManagedRuntime } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { admin, coreTeam } from "../testing/principals.js";
import { increment, openTally } from "../testing/tally.js";
import { CommandStreams } from "./command-streams.js";
import { type AnyCommandSpec, type CommandEnvelope, type InputOf, executeCommand } from "./index.js";

interface StreamRead {
  readonly streamId: string;
  readonly fromRevision: number;
  readonly events: number;
}

/** `store` with every stream read and every conflicting append written down. */
function watched(store: EventStoreService) {
  const reads: StreamRead[] = [];
  let conflicts = 0;
  const watchedStore: EventStoreService = {
    ...store,
    readStream: (streamId, options) =>
      Effect.tap(store.readStream(streamId, options), (events) =>
        Effect.sync(() => reads.push({ streamId, fromRevision: options?.fromRevision ?? 0, events: events.length })),
      ),
    append: (...args) =>
      Effect.tapError(store.append(...args), (error) =>
        Effect.sync(() => {
          if (error._tag === "ConcurrencyConflict") conflicts += 1;
        }),
      ),
  };
  return { store: watchedStore, reads, conflicts: () => conflicts };
}

const opened: Array<() => void> = [];
afterEach(() => {
  for (const close of opened.splice(0).reverse()) close();
});

/** One "process": a store on `path`, and the pipeline over it with or without CommandStreams. */
function processOn(path: string, options: { readonly commandStreams: boolean }) {
  const sqlite = SqliteEventStore.open({ path });
  const keys = SqliteKeyStore.open(":memory:");
  const { store, reads, conflicts } = watched(sqlite);
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      Layer.succeed(EventStore, store),
      Layer.succeed(KeyStore, keys),
      options.commandStreams ? Layer.succeed(CommandStreams, CommandStreams.over(store)) : Layer.empty,
    ),
  );
  opened.push(() => {
    void runtime.dispose();
    sqlite.close();
    keys.close();
  });
  const exit = <Spec extends AnyCommandSpec>(spec: Spec, envelope: CommandEnvelope<InputOf<Spec>>) =>
    runtime.runPromiseExit(executeCommand(spec, envelope));
  const ok = async <Spec extends AnyCommandSpec>(spec: Spec, envelope: CommandEnvelope<InputOf<Spec>>) => {
    const result = await exit(spec, envelope);
    if (Exit.isFailure(result)) throw new Error(`${spec.name} failed: ${Cause.pretty(result.cause)}`);
    return result.value;
  };
  return { store, reads, conflicts, exit, ok };
}

const temporaryLog = () => {
  const directory = mkdtempSync(join(tmpdir(), "mandat-command-streams-"));
  opened.push(() => rmSync(directory, { recursive: true, force: true }));
  return join(directory, "events.sqlite");
};

describe("CommandStreams in the command pipeline", () => {
  it("reads a stream whole once, then only the events appended after the state it holds", async () => {
    const process = processOn(":memory:", { commandStreams: true });
    const { id, streamId } = await process.ok(openTally, { input: { name: "t" }, principal: admin });
    for (let i = 0; i < 5; i++) await process.ok(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam });

    const reads = process.reads.filter((read) => read.streamId === streamId);
    // The first increment read the stream whole (its one event); each later one read only
    // the event its predecessor appended.
    expect(reads.map(({ fromRevision, events }) => [fromRevision, events])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
  });

  it("runs 64 concurrent commands on one stream one after another: all succeed, none conflicts", async () => {
    const process = processOn(":memory:", { commandStreams: true });
    const { id } = await process.ok(openTally, { input: { name: "t" }, principal: admin });
    const results = await Promise.all(
      Array.from({ length: 64 }, () => process.ok(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam })),
    );
    expect(results.map((result) => result.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    expect(process.conflicts()).toBe(0);
  });

  it("sees what another process appended to the same log since it cached the stream", async () => {
    const path = temporaryLog();
    const first = processOn(path, { commandStreams: true });
    const second = processOn(path, { commandStreams: false });
    const { id, streamId } = await first.ok(openTally, { input: { name: "t" }, principal: admin });
    await first.ok(increment, { input: { tallyId: id, by: 600 }, principal: coreTeam });
    await second.ok(increment, { input: { tallyId: id, by: 300 }, principal: coreTeam });

    // At 600 as the first process last folded it, 200 more would pass; at 900 it breaks the rule.
    const refused = await first.exit(increment, { input: { tallyId: id, by: 200 }, principal: coreTeam });
    expect(refused).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "tally-too-high" } } });
    // It read the events after the state it held (revision 0): its own increment and the other process's.
    expect(first.reads.filter((read) => read.streamId === streamId).at(-1)).toEqual({ streamId, fromRevision: 1, events: 2 });
    const accepted = await first.ok(increment, { input: { tallyId: id, by: 100 }, principal: coreTeam });
    expect(accepted.revision).toBe(3);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fold, initiativeDecider, initiativeStream } from "#domain";
import { EventStore, type EventStoreService, type EventToAppend, ExpectedRevision } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { KeyStore, SqliteKeyStore } from "#privacy";
import { Cause, Effect, Exit, Layer, ManagedRuntime } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { admin, coreTeam } from "../testing/principals.js";
import { increment, openTally } from "../testing/tally.js";
import { CommandStreams } from "./command-streams.js";
import {
  type AnyCommandSpec,
  type CommandEnvelope,
  type InputOf,
  executeCommand,
  registerInitiative,
  registerOrganisation,
  setGoal,
} from "./index.js";

interface StreamRead {
  readonly streamId: string;
  readonly fromRevision: number;
  readonly events: number;
}

/**
 * `store` with every stream read and every conflicting append written down; `beforeEnqueue`
 * runs as each append is enqueued, before the store takes it in.
 */
function watched(store: EventStoreService, beforeEnqueue: (streamId: string, events: ReadonlyArray<EventToAppend>) => void) {
  const reads: StreamRead[] = [];
  let conflicts = 0;
  const watchedStore: EventStoreService = {
    ...store,
    readStream: (streamId, options) =>
      Effect.tap(store.readStream(streamId, options), (events) =>
        Effect.sync(() => reads.push({ streamId, fromRevision: options?.fromRevision ?? 0, events: events.length })),
      ),
    enqueueAppend: (streamId, events, expected, options) =>
      Effect.sync(() => beforeEnqueue(streamId, events)).pipe(
        Effect.zipRight(store.enqueueAppend(streamId, events, expected, options)),
        Effect.tap((enqueued) =>
          Effect.forkDaemon(
            Effect.tapError(enqueued.outcome, (error) =>
              Effect.sync(() => {
                if (error._tag === "ConcurrencyConflict") conflicts += 1;
              }),
            ),
          ),
        ),
      ),
  };
  return { store: watchedStore, reads, conflicts: () => conflicts };
}

const opened: Array<() => void> = [];
afterEach(() => {
  for (const close of opened.splice(0).reverse()) close();
});

/** One "process": a store on `path`, and the pipeline over it with or without CommandStreams. */
function processOn(
  path: string,
  options: {
    readonly commandStreams: boolean;
    /** CommandStreams over the bare store, not the one the commands use: they cannot pipeline then. */
    readonly streamsOverAnotherStore?: boolean;
    readonly beforeEnqueue?: (streamId: string, events: ReadonlyArray<EventToAppend>) => void;
  },
) {
  let batches = 0;
  const sqlite = SqliteEventStore.open({
    path,
    observer: { batchCommitted: () => (batches += 1), appendAnswered: () => {} },
  });
  const keys = SqliteKeyStore.open(":memory:");
  const { store, reads, conflicts } = watched(sqlite, options.beforeEnqueue ?? (() => {}));
  const streams = CommandStreams.over(options.streamsOverAnotherStore ? sqlite : store);
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      Layer.succeed(EventStore, store),
      Layer.succeed(KeyStore, keys),
      options.commandStreams ? Layer.succeed(CommandStreams, streams) : Layer.empty,
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
  return { sqlite, store, streams, reads, conflicts, batches: () => batches, exit, ok };
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
    // Each command leaves its committed state in the cache (the opening one too), so each
    // increment reads only what another process may have appended since: nothing.
    expect(reads.map(({ fromRevision, events }) => [fromRevision, events])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
    ]);
  });

  it("runs 64 concurrent commands on one stream one after another: all succeed, none conflicts", async () => {
    const process = processOn(":memory:", { commandStreams: true });
    const { id } = await process.ok(openTally, { input: { name: "t" }, principal: admin });
    const batchesBefore = process.batches();
    const results = await Promise.all(
      Array.from({ length: 64 }, () => process.ok(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam })),
    );
    expect(results.map((result) => result.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    expect(process.conflicts()).toBe(0);
    // Pipelined: each decided on the state its predecessor's append would leave, without
    // waiting for that commit, so they share group commits instead of taking one each.
    expect(process.batches() - batchesBefore).toBeLessThan(8);
  });

  it("awaits each commit in turn where its CommandStreams keep another store object: none conflicts", async () => {
    const process = processOn(":memory:", { commandStreams: true, streamsOverAnotherStore: true });
    const { id } = await process.ok(openTally, { input: { name: "t" }, principal: admin });
    const results = await Promise.all(
      Array.from({ length: 32 }, () => process.ok(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam })),
    );
    expect(results.map((result) => result.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    // Released at its enqueue, the queue let the next command read the log before the
    // commit, and every one of them conflicted at least once.
    expect(process.conflicts()).toBe(0);
  });

  it("caches, from pipelined commands, the state a fold of the log gives (the initiative stream)", async () => {
    const process = processOn(":memory:", { commandStreams: true });
    const organisation = await process.ok(registerOrganisation, {
      input: { name: "Kommunen", kind: "municipality" },
      principal: admin,
    });
    const initiative = await process.ok(registerInitiative, {
      input: { name: "Dromfabriken", focusArea: "fritid", description: "", organisationIds: [organisation.id] },
      principal: admin,
    });
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        process.ok(setGoal, {
          input: { initiativeId: initiative.id, statement: `Goal ${i}`, ...(i % 2 ? { indicator: "Visits" } : {}) },
          principal: coreTeam,
        }),
      ),
    );
    const streamId = initiativeStream(initiative.id);
    const log = await Effect.runPromise(process.store.readStream(streamId));
    const cached = process.streams.states.get(streamId, initiativeDecider);
    expect(cached?.revision).toBe(24);
    expect(cached?.state).toEqual(fold(initiativeDecider, log as never));
  });

  it("lands every command exactly once when two pipelining processes write one stream at once", async () => {
    const path = temporaryLog();
    const first = processOn(path, { commandStreams: true });
    const second = processOn(path, { commandStreams: true });
    const { id, streamId } = await first.ok(openTally, { input: { name: "t" }, principal: admin });
    const increments = (process: typeof first) =>
      Array.from({ length: 24 }, () => process.ok(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam }));
    // A whole pipelined run of one process loses its race to the other's: every command of
    // it decides again, none is written twice, none is answered 409.
    const results = await Promise.all([...increments(first), ...increments(second)]);
    expect(new Set(results.map((result) => result.revision)).size).toBe(48);
    const events = await Effect.runPromise(first.store.readStream(streamId));
    expect(events.map((event) => event.revision)).toEqual(Array.from({ length: 49 }, (_, i) => i));
    // The race did happen: the run that lost it met conflicts (its leader) and refusals (its followers).
    expect(first.conflicts() + second.conflicts()).toBeGreaterThan(1);
  });

  describe("when an append it followed fails (another process wrote the stream in between)", () => {
    /**
     * Two processes on one log; the first pipelines. As the first enqueues the increment
     * `by: leaderBy`, the second appends `otherBy` to the tally first (its group commit was
     * scheduled before), so the leader, decided on the log without it, conflicts.
     */
    const race = (otherBy: number, leaderBy: number) => {
      const path = temporaryLog();
      const other = processOn(path, { commandStreams: false });
      let raced = false;
      const first = processOn(path, {
        commandStreams: true,
        beforeEnqueue: (streamId, events) => {
          if (raced || (events[0]?.data as { by?: number } | undefined)?.by !== leaderBy) return;
          raced = true;
          Effect.runSync(other.sqlite.enqueueAppend(streamId, [incremented(otherBy)], ExpectedRevision.any));
        },
      });
      return { first, other };
    };
    const incremented = (by: number): EventToAppend => ({
      type: "TallyIncremented",
      schemaVersion: 1,
      data: { by },
      metadata: { actor: { id: "other-process", roles: ["admin"] }, commandId: "c", correlationId: "c", causationId: "c" },
    });
    const totalOf = async (store: EventStoreService, streamId: string) =>
      (await Effect.runPromise(store.readStream(streamId)))
        .filter((event) => event.type === "TallyIncremented")
        .reduce((total, event) => total + (event.data as { by: number }).by, 0);

    it("does not write the follower on the state that failed, even at the revision the stream reached: it decides again", async () => {
      const { first } = race(950, 10);
      const { id, streamId } = await first.ok(openTally, { input: { name: "t" }, principal: admin });
      // The follower decided on 10 (the leader's state) and was accepted there; on the log
      // as it is (950 from the other process, then the leader's 10 again) it exceeds 1000.
      const [leader, follower] = await Promise.all([
        first.exit(increment, { input: { tallyId: id, by: 10 }, principal: coreTeam }),
        first.exit(increment, { input: { tallyId: id, by: 100 }, principal: coreTeam }),
      ]);
      expect(leader._tag).toBe("Success");
      expect(follower).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "tally-too-high" } } });
      expect(await totalOf(first.store, streamId)).toBe(960);
      // Both the leader and its follower met a conflict, and both decided again.
      expect(first.conflicts()).toBe(2);
    });

    it("does not refuse the follower for a state that failed: it decides again on the log", async () => {
      const { first } = race(1, 995);
      const { id, streamId } = await first.ok(openTally, { input: { name: "t" }, principal: admin });
      // On the leader's 995 the follower's 10 is too high; the leader fails, and on the log
      // (1) the follower is accepted; the leader, deciding again after it, is then too high.
      const [leader, follower] = await Promise.all([
        first.exit(increment, { input: { tallyId: id, by: 995 }, principal: coreTeam }),
        first.exit(increment, { input: { tallyId: id, by: 10 }, principal: coreTeam }),
      ]);
      expect(follower._tag).toBe("Success");
      expect(leader).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "tally-too-high" } } });
      expect(await totalOf(first.store, streamId)).toBe(11);
    });
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
    // It read the events after the state its own increment left (revision 1): the other process's.
    expect(first.reads.filter((read) => read.streamId === streamId).at(-1)).toEqual({ streamId, fromRevision: 2, events: 1 });
    const accepted = await first.ok(increment, { input: { tallyId: id, by: 100 }, principal: coreTeam });
    expect(accepted.revision).toBe(3);
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Principal } from "#domain";
import { ConcurrencyConflict, EnqueuedAppend, EventStore, type EventStoreService, ExpectedRevision } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { KeyStore, SqliteKeyStore } from "#privacy";
import { Cause, Effect, Exit } from "effect";
import { describe, expect, it } from "vitest";
import { useCommandRuntime } from "../testing/command-runtime.js";
import { admin, auditor, coreTeam } from "../testing/principals.js";
import { increment, openTally } from "../testing/tally.js";
import { fixedClock } from "./demo/fixed-clock.js";
import { type AnyCommandSpec, type CommandEnvelope, type InputOf, executeCommand } from "./index.js";

const runtime = useCommandRuntime();

const exec = <Spec extends AnyCommandSpec>(spec: Spec, envelope: CommandEnvelope<InputOf<Spec>>) => runtime.exit(spec, envelope);
const ok = <Spec extends AnyCommandSpec>(spec: Spec, envelope: CommandEnvelope<InputOf<Spec>>) => runtime.ok(spec, envelope);
const failure = <Spec extends AnyCommandSpec>(spec: Spec, envelope: CommandEnvelope<InputOf<Spec>>) =>
  runtime.failure(spec, envelope);
const head = () => runtime.headPosition();

describe("executeCommand", () => {
  it("creates a stream and answers with id, revision and position", async () => {
    const result = await ok(openTally, { input: { name: "t" }, principal: admin });
    expect(result).toMatchObject({ revision: 0, position: 1, created: true });
    expect(result.streamId).toBe(`tally-${result.id}`);
  });

  it("carries actor, command, correlation and causation ids into the events", async () => {
    const result = await ok(openTally, {
      input: { name: "t" },
      principal: admin,
      correlationId: "corr-1",
      causationId: "cause-1",
      idempotencyKey: "key-1",
    });
    const [event] = await Effect.runPromise(runtime.store.readStream(result.streamId));
    expect(event!.metadata).toMatchObject({
      actor: { id: "p-admin", roles: ["admin"] },
      commandId: expect.any(String),
      correlationId: "corr-1",
      causationId: "cause-1",
      idempotencyKey: "key-1",
    });
  });

  it("starts a correlation with the command itself when the caller names none", async () => {
    const result = await ok(openTally, { input: { name: "t" }, principal: admin });
    const [event] = await Effect.runPromise(runtime.store.readStream(result.streamId));
    const { commandId, correlationId, causationId } = event!.metadata;
    expect([correlationId, causationId]).toEqual([commandId, commandId]);
  });

  it("records at the instant of Effect's Clock, never before what the log holds", async () => {
    const at = (instant: string) => (envelope: CommandEnvelope<InputOf<typeof openTally>>) =>
      runtime.runtime.runPromise(Effect.withClock(executeCommand(openTally, envelope), fixedClock(new Date(instant))));
    const first = await at("2024-09-19T08:00:00.000Z")({ input: { name: "t" }, principal: admin });
    await at("2024-06-13T08:00:00.000Z")({ input: { name: "u" }, principal: admin });
    await ok(openTally, { input: { name: "v" }, principal: admin });
    const recorded = (await Effect.runPromise(runtime.store.readAll())).map((event) => event.recordedAt);
    expect(recorded.slice(0, 2)).toEqual(["2024-09-19T08:00:00.000Z", "2024-09-19T08:00:00.000Z"]);
    expect(Date.parse(recorded[2]!)).toBeGreaterThan(Date.now() - 60_000);
    expect(first.position).toBe(1);
  });

  it("checks the role before reading or deciding anything", async () => {
    const auditor: Principal = { id: "p-aud", roles: ["auditor"] };
    expect(await failure(openTally, { input: { name: "t" }, principal: auditor })).toMatchObject({ _tag: "Forbidden" });
    // Reading first would have answered that the stream does not exist.
    expect(await failure(increment, { input: { tallyId: "missing", by: 1 }, principal: auditor })).toMatchObject({
      _tag: "Forbidden",
    });
    expect(await head()).toBe(0);
  });

  it("checks the scope once the stream is read", async () => {
    const { id } = await ok(openTally, { input: { name: "p-keeper" }, principal: admin });
    // A person with no role at all passes the first check where leads are admitted; the stream decides.
    const otherLead: Principal = { id: "p-other", personId: "p-other", roles: [] };
    const ownLead: Principal = { id: "p-keeper", personId: "p-keeper", roles: [] };
    expect(await failure(increment, { input: { tallyId: id, by: 1 }, principal: otherLead })).toMatchObject({
      _tag: "Forbidden",
    });
    expect((await ok(increment, { input: { tallyId: id, by: 1 }, principal: ownLead })).revision).toBe(1);
  });

  it("checks the scope before If-Match, so that it does not tell an outsider the revision", async () => {
    const { id } = await ok(openTally, { input: { name: "p-keeper" }, principal: admin });
    const otherLead: Principal = { id: "p-other", personId: "p-other", roles: ["initiative-lead"] };
    const error = await failure(increment, { input: { tallyId: id, by: 1 }, principal: otherLead, expectedRevision: 7 });
    expect(error).toMatchObject({ _tag: "Forbidden" });
  });

  it("answers 404-style for a stream that does not exist", async () => {
    const error = await failure(increment, { input: { tallyId: "missing", by: 1 }, principal: coreTeam });
    expect(error).toMatchObject({ _tag: "ResourceNotFound", streamId: "tally-missing" });
  });

  it("returns the broken rule and appends nothing", async () => {
    const { id } = await ok(openTally, { input: { name: "t" }, principal: admin });
    const error = await failure(increment, { input: { tallyId: id, by: 5000 }, principal: coreTeam });
    expect(error).toMatchObject({ _tag: "tally-too-high" });
    expect(await head()).toBe(1);
  });

  it("parses the input: every issue is named, an unknown field by its own name, and nothing is appended", async () => {
    const error = await failure(openTally, { input: { name: "", colour: "blå" } as never, principal: admin });
    expect(error).toMatchObject({
      _tag: "InvalidInput",
      issues: [
        { path: ["name"], message: expect.any(String) },
        { path: ["colour"], message: "unknown field" },
      ],
    });
    expect(await head()).toBe(0);
  });

  it("checks the role before the input, so that a caller without it learns nothing of the schema", async () => {
    const error = await failure(openTally, { input: { name: "" }, principal: auditor });
    expect(error._tag).toBe("Forbidden");
  });

  it("treats an event its schema rejects as a defect, not as a user error", async () => {
    const { id } = await ok(openTally, { input: { name: "t" }, principal: admin });
    const exit = await exec(increment, { input: { tallyId: id, by: 0.5 }, principal: coreTeam });
    expect(Exit.isFailure(exit) && Cause.isDie(exit.cause)).toBe(true);
    expect(await head()).toBe(1);
  });

  describe("optimistic concurrency", () => {
    it("fails with PreconditionFailed when If-Match names an old revision", async () => {
      const { id } = await ok(openTally, { input: { name: "t" }, principal: admin });
      await ok(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam });
      const error = await failure(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam, expectedRevision: 0 });
      expect(error).toMatchObject({ _tag: "PreconditionFailed", expectedRevision: 0, actualRevision: 1 });
      expect(await head()).toBe(2);
    });

    it("appends at the If-Match revision when it is current", async () => {
      const { id } = await ok(openTally, { input: { name: "t" }, principal: admin });
      const result = await ok(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam, expectedRevision: 0 });
      expect(result.revision).toBe(1);
    });

    it("loses no update when concurrent commands race without If-Match", async () => {
      const { id, streamId } = await ok(openTally, { input: { name: "t" }, principal: admin });
      const results = await Promise.all(
        Array.from({ length: 25 }, () => ok(increment, { input: { tallyId: id, by: 2 }, principal: coreTeam })),
      );
      expect(new Set(results.map((r) => r.revision)).size).toBe(25);
      const events = await Effect.runPromise(runtime.store.readStream(streamId));
      expect(events).toHaveLength(26);
    });

    it("decides again at most as often as the retry schedule allows, then gives up", async () => {
      const { id } = await ok(openTally, { input: { name: "t" }, principal: admin });
      let appends = 0;
      const alwaysMoved: EventStoreService = {
        ...runtime.store,
        enqueueAppend: (streamId) => {
          appends += 1;
          const conflict = new ConcurrencyConflict({ streamId, expected: ExpectedRevision.any, actual: 99 });
          return Effect.succeed(EnqueuedAppend.settled(Exit.fail(conflict)));
        },
      };
      const exit = await Effect.runPromiseExit(
        executeCommand(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam }).pipe(
          Effect.provideService(EventStore, alwaysMoved),
          Effect.provideService(KeyStore, runtime.keys),
        ),
      );
      expect(exit).toMatchObject({ _tag: "Failure", cause: { error: { _tag: "ConcurrencyConflict" } } });
      // The first attempt and the schedule's eight retries.
      expect(appends).toBe(9);
    });

    it("fails the racers that named a revision instead of retrying them", async () => {
      const { id } = await ok(openTally, { input: { name: "t" }, principal: admin });
      const exits = await Promise.all(
        Array.from({ length: 10 }, () =>
          exec(increment, { input: { tallyId: id, by: 1 }, principal: coreTeam, expectedRevision: 0 }),
        ),
      );
      expect(exits.filter(Exit.isSuccess)).toHaveLength(1);
    });
  });

  describe("idempotency keys", () => {
    it("answers a repeated key with the first result and appends nothing", async () => {
      const first = await ok(openTally, { input: { name: "t" }, principal: admin, idempotencyKey: "k" });
      const second = await ok(openTally, { input: { name: "t" }, principal: admin, idempotencyKey: "k" });
      expect(second).toEqual(first);
      expect(await head()).toBe(1);
    });

    it("rejects the same key used for another command", async () => {
      await ok(openTally, { input: { name: "t" }, principal: admin, idempotencyKey: "k" });
      const error = await failure(openTally, { input: { name: "other" }, principal: admin, idempotencyKey: "k" });
      expect(error).toMatchObject({ _tag: "IdempotencyKeyReused", key: "k" });
      expect(await head()).toBe(1);
    });

    it("keeps keys apart per principal", async () => {
      const first = await ok(openTally, { input: { name: "t" }, principal: admin, idempotencyKey: "k" });
      const other = await ok(openTally, { input: { name: "t" }, principal: coreTeam, idempotencyKey: "k" });
      expect(other.id).not.toBe(first.id);
      expect(await head()).toBe(2);
    });

    it("answers a repeated key as the first request was, though the first's events would refuse it", async () => {
      const { id } = await ok(openTally, { input: { name: "t" }, principal: admin });
      const envelope = { input: { tallyId: id, by: 600 }, principal: coreTeam, idempotencyKey: "once" };
      // The second decides on the first's events: 1,200 would break the tally's rule.
      const [first, second] = await Promise.all([ok(increment, envelope), ok(increment, envelope)]);
      expect(second).toEqual(first);
      expect(await head()).toBe(2);
    });

    it("runs concurrent requests with one key exactly once", async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => ok(openTally, { input: { name: "t" }, principal: admin, idempotencyKey: "same" })),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      for (const result of results) expect(result).toEqual(results[0]);
      expect(await head()).toBe(1);
    });

    it("survives a restart of the store: the record is durable", async () => {
      const path = join(mkdtempSync(join(tmpdir(), "mandat-idem-")), "events.sqlite");
      /** Runs the command on a freshly opened store; answers with its result and the log's head after it. */
      const runOn = async (envelope: CommandEnvelope<{ name: string }>) => {
        const fileStore = SqliteEventStore.open({ path });
        const keys = SqliteKeyStore.open(":memory:");
        try {
          const command = executeCommand(openTally, envelope).pipe(
            Effect.provideService(EventStore, fileStore),
            Effect.provideService(KeyStore, keys),
          );
          const result = await Effect.runPromise(command);
          return { result, head: await Effect.runPromise(fileStore.headPosition) };
        } finally {
          fileStore.close();
          keys.close();
        }
      };
      const first = await runOn({ input: { name: "t" }, principal: admin, idempotencyKey: "durable" });
      const again = await runOn({ input: { name: "t" }, principal: admin, idempotencyKey: "durable" });
      expect(again).toEqual(first);
    });
  });
});

import type { Principal } from "#domain";
import { EventStore } from "#event-store";
import { SqliteEventStore } from "#event-store/sqlite";
import { KeyStore, SqliteKeyStore } from "#privacy";
import { Cause, Effect, Exit, Layer, ManagedRuntime } from "effect";
import { afterEach, beforeEach } from "vitest";
import type { AnyCommandSpec, CommandEnvelope, CommandResult, InputOf } from "../src/index.js";
import { clockReading } from "../src/demo/fixed-clock.js";
import { CommandStreams, executeCommand } from "../src/index.js";

export interface CommandRuntimeOptions {
  /** The clock commands are decided and recorded by (Effect's Clock in the pipeline), and the store's own. */
  readonly clock?: () => Date;
}

/**
 * A real in-memory event store and key store with a runtime that runs command specs
 * through the pipeline, for integration tests of specs and their facts; with the stream
 * state cache and per-stream queue the server runs with.
 */
export function commandRuntime(options: CommandRuntimeOptions = {}) {
  const store = SqliteEventStore.open({ path: ":memory:", ...options });
  const keys = SqliteKeyStore.open(":memory:");
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(
      Layer.succeed(EventStore, store),
      Layer.succeed(KeyStore, keys),
      Layer.succeed(CommandStreams, CommandStreams.over(store)),
    ),
  );

  const clock = options.clock;
  const exit = <Spec extends AnyCommandSpec>(spec: Spec, envelope: CommandEnvelope<InputOf<Spec>>) =>
    runtime.runPromiseExit(
      clock === undefined
        ? executeCommand(spec, envelope)
        : Effect.withClock(
            executeCommand(spec, envelope),
            clockReading(() => clock().getTime()),
          ),
    );

  /** Runs the command and returns its result, or throws with the failure's full cause. */
  const ok = async <Spec extends AnyCommandSpec>(
    spec: Spec,
    envelope: CommandEnvelope<InputOf<Spec>>,
  ): Promise<CommandResult> => {
    const result = await exit(spec, envelope);
    if (Exit.isFailure(result)) throw new Error(`${spec.name} failed: ${Cause.pretty(result.cause)}`);
    return result.value;
  };

  /** Runs the command expecting an expected failure; returns the error (with its `_tag`). */
  const failure = async <Spec extends AnyCommandSpec>(spec: Spec, envelope: CommandEnvelope<InputOf<Spec>>) => {
    const result = await exit(spec, envelope);
    if (Exit.isSuccess(result)) throw new Error(`${spec.name} succeeded; a failure was expected`);
    if (result.cause._tag !== "Fail") throw new Error(`${spec.name} died: ${Cause.pretty(result.cause)}`);
    return result.cause.error as { readonly _tag: string };
  };

  const headPosition = () => Effect.runPromise(store.headPosition);

  const dispose = async () => {
    await runtime.dispose();
    store.close();
    keys.close();
  };

  return { store, keys, runtime, exit, ok, failure, headPosition, dispose };
}

export type CommandRuntime = ReturnType<typeof commandRuntime>;

/**
 * A fresh `commandRuntime` for each test of the file, disposed after it. The object returned
 * stands for the running test's runtime, so a file can hold it in a `const`.
 */
export function useCommandRuntime(options: CommandRuntimeOptions = {}): CommandRuntime {
  let current: CommandRuntime | undefined;
  beforeEach(() => {
    current = commandRuntime(options);
  });
  afterEach(() => current?.dispose());
  return new Proxy({} as CommandRuntime, {
    get: (_target, key) => {
      if (current === undefined) throw new Error("The command runtime exists only while a test runs");
      return Reflect.get(current, key);
    },
  });
}

/** `ok` and `failure` that take just the input and act as `principal` (a failure may act as another). */
export const actingAs = (runtime: CommandRuntime, principal: Principal) => ({
  ok: <Spec extends AnyCommandSpec>(spec: Spec, input: InputOf<Spec>) => runtime.ok(spec, { input, principal }),
  failure: <Spec extends AnyCommandSpec>(spec: Spec, input: InputOf<Spec>, as: Principal = principal) =>
    runtime.failure(spec, { input, principal: as }),
});

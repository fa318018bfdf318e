import { existsSync } from "node:fs";
import { EventStore, type EventStoreService } from "#event-store";
import { ConfigError, type MandatConfig, type MandatServices, RawEventStore, loadConfig, mandatLayer } from "#platform";
import { Cause, Effect, Exit, ManagedRuntime, Option } from "effect";
import { CliError, EXIT } from "./exit-codes.js";

export interface CliContext {
  readonly config: MandatConfig;
  /** The log as stored (verification, export, import). */
  readonly raw: EventStoreService;
  /** The log in today's shape (history, state, rebuild). */
  readonly store: EventStoreService;
  readonly run: <A, E>(effect: Effect.Effect<A, E, MandatServices>) => Promise<A>;
  readonly close: () => Promise<void>;
}

/** The server's configuration, from the same environment variables (API.md "Configuration"). */
export function cliConfig(): MandatConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(EXIT.config, error.message);
    throw error;
  }
}

/**
 * Opens the configured stores. Tools that read refuse to create a log: pointing one at a
 * wrong path should say so, not start an empty log there.
 */
export async function openContext(options: { readonly mustExist: boolean }): Promise<CliContext> {
  const config = cliConfig();
  if (options.mustExist && config.store.engine === "sqlite" && !existsSync(config.store.path)) {
    throw new CliError(EXIT.noInput, `No event log at ${config.store.path} (set MANDAT_SQLITE_PATH to the server's log)`);
  }
  const effects = ManagedRuntime.make(mandatLayer(config));
  const run = async <A, E>(effect: Effect.Effect<A, E, MandatServices>): Promise<A> => unwrap(await effects.runPromiseExit(effect));
  try {
    const [raw, store] = await run(Effect.all([RawEventStore, EventStore]));
    return { config, raw, store, run, close: () => effects.dispose() };
  } catch (error) {
    await effects.dispose();
    throw error;
  }
}

/** Runs `use` with the opened stores and closes them afterwards, whatever happened. */
export async function withContext<A>(options: { readonly mustExist: boolean }, use: (context: CliContext) => Promise<A>): Promise<A> {
  const context = await openContext(options);
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

/** Runs an Effect that needs no services; its typed failure is thrown as is, for the error line. */
export const runEffect = async <A, E>(effect: Effect.Effect<A, E>): Promise<A> => unwrap(await Effect.runPromiseExit(effect));

function unwrap<A, E>(exit: Exit.Exit<A, E>): A {
  if (Exit.isSuccess(exit)) return exit.value;
  const failure = Cause.failureOption(exit.cause);
  throw storeError(Option.isSome(failure) ? failure.value : Cause.squash(exit.cause));
}

/** A store that cannot be opened or read: locked by another writer, unreadable, or down. */
function storeError(error: unknown): unknown {
  const tag = (error as { _tag?: string } | undefined)?._tag;
  if (tag === "StoreUnavailable" || tag === "KeyStoreUnavailable") {
    const message = (error as Error).message;
    const locked = /busy|locked/i.test(message);
    return new CliError(EXIT.unavailable, locked ? `The store is locked by another process: ${message}` : message);
  }
  return error;
}

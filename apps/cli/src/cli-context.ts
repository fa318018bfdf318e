import { existsSync } from "node:fs";
import {
  EventStore,
  EventStoreAdmin,
  type EventStoreAdminService,
  type EventStoreService,
  NO_OBSERVER,
  type StoreUnavailable,
} from "#event-store";
import type { KeyStoreUnavailable } from "#privacy";
import {
  ConfigError,
  type MandatConfig,
  type MandatServices,
  RawEventStore,
  type ReadModels,
  loadConfig,
  mandatLayer,
  mandatLayerWithReadModels,
  openRuntime,
  prepareDataFolders,
  runOn,
  successOrThrow,
} from "#platform";
import { Effect, type Layer } from "effect";
import { CliError, EXIT } from "./exit-codes.js";

/** The opened stores, and what `run` may use: the stores, and for `mandat state` the read models. */
export interface CliContext<Services = MandatServices> {
  readonly config: MandatConfig;
  /** The log as stored (verification, export, import). */
  readonly raw: EventStoreService;
  /** The same adapter's admin side: verbatim imports, and how strictly `verify` checks positions. */
  readonly admin: EventStoreAdminService;
  /** The log in today's shape (history, state, rebuild). */
  readonly store: EventStoreService;
  readonly run: <A, E>(effect: Effect.Effect<A, E, Services>) => Promise<A>;
  readonly close: () => Promise<void>;
}

/** The server's configuration, from the same environment variables (docs/api.md "Configuration"). */
export function cliConfig(): MandatConfig {
  return asConfigFailure(loadConfig);
}

/**
 * The configuration of a tool that writes outside the stores (`mandat token` keeps the
 * generated secret): its files' folders made and checked as the server does, so that a path
 * it cannot use names its variable (78).
 */
export function writingConfig(): MandatConfig {
  const config = cliConfig();
  asConfigFailure(() => prepareDataFolders(config));
  return config;
}

/** A configuration refused, or a configured path that cannot be used: its message, exit 78. */
function asConfigFailure<A>(work: () => A): A {
  try {
    return work();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(EXIT.config, error.message);
    throw error;
  }
}

/**
 * What a command does with the log: starts one where there is none (`create`: demo,
 * import), writes an existing one (`write`: rebuild, seal), or only reads it (`read`:
 * verify, export, history), changing nothing in its folder and creating nothing there, so
 * that an auditor with read access alone can run it. Only `create` may start a log: pointing
 * another tool at a wrong path should say so, not start an empty log there.
 */
export type LogUse = "create" | "write" | "read";

/** Opens the configured stores for `use`. */
export function openContext(use: LogUse): Promise<CliContext> {
  return openContextOn<never>(use, (config) => mandatLayer(config, NO_OBSERVER, use === "read" ? "read-only" : "read-write"));
}

/**
 * Opens the stores and whatever else `layer` adds, as the server does. Building the layer
 * opens everything before the command starts; a failure half-way closes what was opened.
 */
async function openContextOn<Extra>(
  use: LogUse,
  layer: (config: MandatConfig) => Layer.Layer<MandatServices | Extra, StoreUnavailable | KeyStoreUnavailable>,
): Promise<CliContext<MandatServices | Extra>> {
  const config = cliConfig();
  if (use !== "create" && config.store.engine === "sqlite" && !existsSync(config.store.path)) {
    throw new CliError(EXIT.noInput, `No event log at ${config.store.path} (set MANDAT_SQLITE_PATH to the server's log)`);
  }
  // A tool that writes makes and checks its files' folders as the server does: a path it
  // cannot use names its variable.
  if (use !== "read") asConfigFailure(() => prepareDataFolders(config));
  const effects = await asCliFailure(openRuntime(layer(config)));
  const run = <A, E>(effect: Effect.Effect<A, E, MandatServices | Extra>): Promise<A> => asCliFailure(runOn(effects, effect));
  try {
    const [raw, admin, store] = await run(Effect.all([RawEventStore, EventStoreAdmin, EventStore]));
    return { config, raw, admin, store, run, close: () => effects.dispose() };
  } catch (error) {
    await effects.dispose();
    throw error;
  }
}

/** Runs `use` with the opened stores and closes them afterwards, whatever happened. */
export function withContext<A>(logUse: LogUse, use: (context: CliContext) => Promise<A>): Promise<A> {
  return using(openContext(logUse), use);
}

/**
 * Runs `use` with the stores and the read models, whose runner has started on them (the
 * server's layers); stops the runner and closes everything afterwards, whatever happened.
 */
export function withReadModels<A>(use: (context: CliContext<MandatServices | ReadModels>) => Promise<A>): Promise<A> {
  return using(
    openContextOn<ReadModels>("write", (config) => mandatLayerWithReadModels(config)),
    use,
  );
}

async function using<Services, A>(
  opening: Promise<CliContext<Services>>,
  use: (context: CliContext<Services>) => Promise<A>,
): Promise<A> {
  const context = await opening;
  try {
    return await use(context);
  } finally {
    await context.close();
  }
}

/** Runs an Effect that needs no services; its typed failure is thrown as is, for the error line. */
export const runEffect = <A, E>(effect: Effect.Effect<A, E>): Promise<A> =>
  asCliFailure(Effect.runPromiseExit(effect).then(successOrThrow));

/** `work`, with a store that cannot be opened or read turned into its exit code (69). */
const asCliFailure = <A>(work: Promise<A>): Promise<A> =>
  work.catch((error: unknown) => {
    throw storeError(error);
  });

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

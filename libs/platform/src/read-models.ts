import { EventStore, type EventStoreObserver, type StoreUnavailable } from "#event-store";
import type { KeyStoreUnavailable } from "#privacy";
import { type AnyProjection, ProjectionRunner, acquireReadModelDatabase, allProjections } from "#projections";
import type Database from "better-sqlite3";
import { Context, Effect, Layer } from "effect";
import type { MandatConfig } from "./config.js";
import { type MandatServices, mandatLayer } from "./mandat-layer.js";

export interface ReadModelsService {
  /** Feeds the read models from the log; answers their status and what they have reached. */
  readonly runner: ProjectionRunner;
  /**
   * A read-only connection for queries: a read never takes the write lock the runner's
   * batches need, and sees each batch whole or not at all.
   */
  readonly db: Database.Database;
}

/** The local read models, kept up with the log for as long as the layer is alive. */
export class ReadModels extends Context.Tag("@mandat/ReadModels")<ReadModels, ReadModelsService>() {}

export interface ReadModelsOptions {
  /** The read models to keep; every one the server keeps unless told otherwise (tests). */
  readonly projections?: ReadonlyArray<AnyProjection>;
  /** Told how the embedded store's appends go (the server's metrics); nobody unless given. */
  readonly eventStoreObserver?: EventStoreObserver;
}

/**
 * Opens the read-model database, starts the runner on it and opens the read-only
 * connection; on release (or a failure half-way) undoes each step that was done, in
 * reverse: the runner is stopped before its database closes.
 */
export const readModelsLayer = (
  config: Pick<MandatConfig, "readModelsPath">,
  options: ReadModelsOptions = {},
): Layer.Layer<ReadModels, StoreUnavailable, EventStore> =>
  Layer.scoped(
    ReadModels,
    Effect.gen(function* () {
      const store = yield* EventStore;
      const writes = yield* acquireReadModelDatabase(config.readModelsPath);
      const runner = new ProjectionRunner(writes, store, options.projections ?? allProjections);
      // Started here rather than forked: the layer is ready only once every projection is
      // prepared and followed, and a start that fails fails the layer, releasing the rest.
      yield* Effect.acquireRelease(runner.start(), () => runner.stop());
      const db = yield* acquireReadModelDatabase(config.readModelsPath, { readonly: true });
      return { runner, db };
    }),
  );

/** The stores and the read models fed from them: what the server runs on, and `mandat state`. */
export const mandatLayerWithReadModels = (
  config: MandatConfig,
  options: ReadModelsOptions = {},
): Layer.Layer<MandatServices | ReadModels, StoreUnavailable | KeyStoreUnavailable> =>
  Layer.provideMerge(readModelsLayer(config, options), mandatLayer(config, options.eventStoreObserver));

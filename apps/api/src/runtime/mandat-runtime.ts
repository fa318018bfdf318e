import { EventStore, type StoreUnavailable } from "#event-store";
import type { KeyStoreUnavailable } from "#privacy";
import type { ProjectionRunner } from "#projections";
import {
  type MandatConfig,
  type MandatServices,
  ReadModels,
  type ReadModelsOptions,
  type TokenVerifier,
  jwtSecret,
  jsonLogger,
  mandatLayerWithReadModels,
  openRuntime,
  runOn,
  tokenVerifier,
  withAutoSealing,
} from "#platform";
import type Database from "better-sqlite3";
import { Effect, Layer, type ManagedRuntime } from "effect";
import { ChangeCounters } from "./change-counters.js";
import { PrincipalResolver } from "./principal-resolver.js";
import { ApiMetrics } from "../observability/api-metrics.js";

/** What the server's effects may use: the stores and the read models. */
export type ApiServices = MandatServices | ReadModels;

export type MandatEffects = ManagedRuntime.ManagedRuntime<ApiServices, StoreUnavailable | KeyStoreUnavailable>;

/**
 * Everything the HTTP layer runs on: the Effect runtime with the stores and the read
 * models (the projection runner feeding them, a read-only connection for queries), and
 * the token verifier, and the metrics the stores and the HTTP layer report to. Built before
 * Nest starts, closed after Nest has drained its requests.
 */
export class MandatRuntime {
  private constructor(
    readonly config: MandatConfig,
    private readonly effects: MandatEffects,
    readonly runner: ProjectionRunner,
    readonly readModels: Database.Database,
    readonly verifyToken: TokenVerifier,
    readonly secret: string | undefined,
    readonly metrics: ApiMetrics,
    /** What caches of reads are keyed by, beside positions (change-counters.ts). */
    readonly changes: ChangeCounters,
  ) {}

  /** Who a verified token acts as, resolved from the log on every request (or kept while the log stands still). */
  readonly principals = new PrincipalResolver(this);

  /** Opens the stores and starts the read models; a failure on the way closes what was opened. */
  static async open(config: MandatConfig, options: ReadModelsOptions = {}): Promise<MandatRuntime> {
    const metrics = new ApiMetrics();
    const layer = mandatLayerWithReadModels(config, { eventStoreObserver: metrics.eventStoreObserver, ...options });
    // Effect's own log lines (the sealing loop's) as the JSON lines of the server's other logs.
    const effects: MandatEffects = await openRuntime(
      Layer.provideMerge(withAutoSealing(config.seals.policy, layer), jsonLogger(config.operations.logLevel)),
    );
    let changes: ChangeCounters | undefined;
    try {
      const { runner, db } = await runOn(effects, ReadModels);
      const secret = config.auth.mode === "hs256" ? jwtSecret(config) : undefined;
      // The stores' files exist once the layer is open.
      changes = ChangeCounters.open(db, {
        keys: config.keysPath,
        ...(config.store.engine === "sqlite" ? { embeddedLog: config.store.path } : {}),
      });
      const runtime = new MandatRuntime(
        config,
        effects,
        runner,
        db,
        tokenVerifier(config.auth, config.identity, secret),
        secret,
        metrics,
        changes,
      );
      metrics.watchProjections(async () => ({
        headPosition: await runtime.run(Effect.flatMap(EventStore, (store) => store.headPosition)),
        projections: runner.status(),
      }));
      return runtime;
    } catch (error) {
      changes?.close();
      await effects.dispose();
      throw error;
    }
  }

  /** Runs `effect` on the stores and read models: its value, or its typed failure thrown as is for the problem filter. */
  run<A, E>(effect: Effect.Effect<A, E, ApiServices>): Promise<A> {
    return runOn(this.effects, effect);
  }

  /** The position of the last event in the log, as it stands now (also when another process appended it). */
  headPosition(): Promise<number> {
    return this.run(Effect.flatMap(EventStore, (store) => store.headPosition));
  }

  /** Waits until every read model that has not stopped has applied the log as it stands now; false after `timeoutMs`. */
  async readModelsAtHead(timeoutMs: number): Promise<boolean> {
    return Effect.runPromise(this.runner.waitFor(await this.headPosition(), timeoutMs));
  }

  /**
   * Stops the read models, then the stores: the layers release in reverse, so the runner
   * stops before its database closes, and queued appends are written before the log closes.
   */
  close(): Promise<void> {
    this.changes.close();
    return this.effects.dispose();
  }
}

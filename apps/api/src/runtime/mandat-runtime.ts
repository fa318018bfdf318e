import { EventStore, type StoreUnavailable } from "#event-store";
import type { KeyStoreUnavailable } from "#privacy";
import { ProjectionRunner, allProjections, openReadModelDatabase } from "#projections";
import {
  type MandatConfig,
  type MandatServices,
  type TokenVerifier,
  jwtSecret,
  mandatLayer,
  tokenVerifier,
} from "#platform";
import type Database from "better-sqlite3";
import { Effect, ManagedRuntime } from "effect";

export type MandatEffects = ManagedRuntime.ManagedRuntime<MandatServices, StoreUnavailable | KeyStoreUnavailable>;

/**
 * Everything the HTTP layer runs on: the Effect runtime with the stores, the projection
 * runner feeding the read models, a read-only connection for queries, and the token
 * verifier. Built before Nest starts, closed after Nest has drained its requests.
 */
export class MandatRuntime {
  private constructor(
    readonly config: MandatConfig,
    readonly effects: MandatEffects,
    readonly runner: ProjectionRunner,
    readonly readModels: Database.Database,
    private readonly writeModels: Database.Database,
    readonly verifyToken: TokenVerifier,
    readonly secret: string | undefined,
  ) {}

  static async open(config: MandatConfig): Promise<MandatRuntime> {
    const effects: MandatEffects = ManagedRuntime.make(mandatLayer(config));
    const store = await effects.runPromise(EventStore);
    const writeModels = openReadModelDatabase(config.readModelsPath);
    const runner = new ProjectionRunner(writeModels, store, allProjections);
    await effects.runPromise(runner.start());
    const readModels = openReadModelDatabase(config.readModelsPath, { readonly: true });
    const secret = config.auth.mode === "hs256" ? jwtSecret(config) : undefined;
    return new MandatRuntime(config, effects, runner, readModels, writeModels, tokenVerifier(config.auth, secret), secret);
  }

  /** Waits until every read model that has not stopped has applied the log as it stands now; false after `timeoutMs`. */
  async readModelsAtHead(timeoutMs: number): Promise<boolean> {
    const head = await this.effects.runPromise(Effect.flatMap(EventStore, (store) => store.headPosition));
    return Effect.runPromise(this.runner.waitFor(head, timeoutMs));
  }

  /** Stops the read models, then the stores: queued appends are written before the log closes. */
  async close(): Promise<void> {
    await Effect.runPromise(this.runner.stop());
    this.readModels.close();
    this.writeModels.close();
    await this.effects.dispose();
  }
}

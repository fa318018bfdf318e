import {
  EventStoreAdmin,
  LogSealer,
  type SealPolicy,
  SealKeyRing,
  SealStore,
  type SealedVerifyReport,
  type StoreUnavailable,
  type VerifyProgress,
  makeLogSealer,
  verifyStore,
} from "#event-store";
import { type FileAccess, SqliteSealKeyRing, SqliteSealStore } from "#event-store/sqlite";
import { Context, Deferred, Effect, Layer, Schedule } from "effect";
import type { SealSettings } from "./seal-settings.js";
import { RawEventStore } from "./raw-event-store.js";

export type SealingServices = SealStore | SealKeyRing | LogSealer | LogVerification;

/**
 * The whole log checked: every hash chain, and every seal in the seal store against the
 * log, with the public keys alone. `mandat verify`, with its progress bar.
 */
export const verifyLogAndSeals = (
  options: { readonly onProgress?: (progress: VerifyProgress) => void } = {},
): Effect.Effect<LogVerificationReport, StoreUnavailable, RawEventStore | EventStoreAdmin | SealStore> =>
  Effect.gen(function* () {
    const [store, admin, sealStore] = yield* Effect.all([RawEventStore, EventStoreAdmin, SealStore]);
    const [seals, keys] = yield* Effect.all([sealStore.all, sealStore.publicKeys]);
    const report = yield* verifyStore(store, {
      densePositions: admin.densePositions,
      onProgress: options.onProgress,
      seals: { seals, keys },
    });
    // After the walk: the file is then in memory, and the check costs little beside it.
    const storageProblems = yield* admin.checkStorage;
    return { ...report, ok: report.ok && storageProblems.length === 0, storageProblems };
  });

/**
 * What verification found: the chains and the seals, and what the engine found wrong with
 * the file the log is stored in (`storageProblems`, SQLite's integrity check: a damaged
 * backup reads back whole events until it does not).
 */
export interface LogVerificationReport extends SealedVerifyReport {
  readonly storageProblems: ReadonlyArray<string>;
}

export interface LogVerificationService {
  /**
   * verifyLogAndSeals, single-flight and cached: callers while a walk runs share it, and
   * its answer stands until the log's head or the seal store changes.
   */
  readonly verify: Effect.Effect<LogVerificationReport, StoreUnavailable>;
}

export class LogVerification extends Context.Tag("@mandat/LogVerification")<LogVerification, LogVerificationService>() {}

const logVerification = Layer.effect(
  LogVerification,
  Effect.gen(function* () {
    const context = yield* Effect.context<RawEventStore | EventStoreAdmin | SealStore>();
    const [store, sealStore] = yield* Effect.all([RawEventStore, SealStore]);
    let cached: { readonly key: string; readonly answer: Deferred.Deferred<LogVerificationReport, StoreUnavailable> } | undefined;
    const verify = Effect.gen(function* () {
      const key = `${yield* store.headPosition}/${yield* sealStore.version}`;
      if (cached?.key === key) return yield* Deferred.await(cached.answer);
      const answer = yield* Deferred.make<LogVerificationReport, StoreUnavailable>();
      const entry = { key, answer };
      cached = entry;
      // A daemon: a caller that goes away (a closed connection) does not stop the walk the others wait for.
      yield* Effect.forkDaemon(
        verifyLogAndSeals().pipe(
          Effect.provide(context),
          Effect.tapError(() => Effect.sync(() => (cached = cached === entry ? undefined : cached))),
          Effect.exit,
          Effect.flatMap((exit) => Deferred.complete(answer, exit)),
        ),
      );
      return yield* Deferred.await(answer);
    });
    return { verify };
  }),
);

/** The seal store, the signing keys (opened on first use), the sealer and the cached verification. */
export const sealingLayer = (
  settings: SealSettings,
  access: FileAccess = "read-write",
): Layer.Layer<SealingServices, StoreUnavailable, RawEventStore | EventStoreAdmin> => {
  const stores = Layer.merge(
    Layer.scoped(SealStore, SqliteSealStore.acquire(settings.sealsPath, access)),
    Layer.scoped(
      SealKeyRing,
      Effect.acquireRelease(
        Effect.sync(() => new SqliteSealKeyRing(settings.keysPath)),
        (ring) => Effect.sync(() => ring.close()),
      ),
    ),
  );
  const sealer = Layer.effect(
    LogSealer,
    Effect.map(Effect.all([RawEventStore, SealStore, SealKeyRing]), ([store, seals, keys]) => makeLogSealer(store, seals, keys)),
  );
  return Layer.provideMerge(Layer.merge(sealer, logVerification), stores);
};

/** How often the server asks whether a seal is due: the policy's own limits are in SealPolicy. */
const SEAL_CHECK_INTERVAL = "5 seconds";

/**
 * The server's own seals: every few seconds it asks the sealer whether the policy calls
 * for one. A failure (the seal store locked a moment) is logged and tried again at the next tick.
 */
const autoSealingLayer = (policy: SealPolicy): Layer.Layer<never, never, LogSealer> =>
  Layer.scopedDiscard(
    Effect.flatMap(LogSealer, (sealer) =>
      Effect.forkScoped(
        sealer.sealIfDue(policy).pipe(
          Effect.catchAll((error) => Effect.logWarning(`Sealing the log failed: ${error.message}`)),
          Effect.repeat(Schedule.spaced(SEAL_CHECK_INTERVAL)),
        ),
      ),
    ),
  );

/** `layer` with the server's own seals running for as long as it is alive (the server; not the CLI). */
export const withAutoSealing = <Services, E>(
  policy: SealPolicy,
  layer: Layer.Layer<Services | LogSealer, E>,
): Layer.Layer<Services | LogSealer, E> => Layer.provideMerge(autoSealingLayer(policy), layer);

import { Context, Effect, Stream } from "effect";
import type { StoreUnavailable } from "../port/errors.js";
import type { EventStoreService } from "../port/event-store.js";
import { logBatches } from "../port/log-batches.js";
import { EMPTY_LOG_DIGEST, type Seal, nextLogDigest } from "./seal.js";
import { signSeal } from "./seal-keys.js";
import type { SealKeyRingService, SealStoreService } from "./seal-store.js";

/** When the server seals on its own: after this many events, or this long after the last seal if the log moved. */
export interface SealPolicy {
  readonly everyEvents: number;
  readonly everyMs: number;
}

export interface LogSealerService {
  /** Seals the log as committed now, stores the seal and answers it. */
  readonly seal: Effect.Effect<Seal, StoreUnavailable>;
  /** Seals when the policy says it is time (the server's timer); undefined when it is not. */
  readonly sealIfDue: (policy: SealPolicy) => Effect.Effect<Seal | undefined, StoreUnavailable>;
}

export class LogSealer extends Context.Tag("@mandat/LogSealer")<LogSealer, LogSealerService>() {}

/**
 * Makes seals of `store`'s log. It keeps the digest of the events it has read and reads
 * only what was appended since (the first seal of a process walks the whole log), so a
 * seal costs a read of the new events and a signature. It reads committed events only
 * (readAll never answers an append that has not committed), and writes to the seal store,
 * never to the log: sealing neither covers an unacknowledged event nor holds an append back.
 * One seal at a time per process: the digest moves forward under a lock.
 */
export function makeLogSealer(
  store: EventStoreService,
  seals: SealStoreService,
  keys: SealKeyRingService,
  clock: () => Date = () => new Date(),
): LogSealerService {
  let digest = EMPTY_LOG_DIGEST;
  let eventCount = 0;
  let position = 0;
  const lock = Effect.unsafeMakeSemaphore(1);

  // Suspended: each run reads on from the position reached by the one before.
  const catchUp = Effect.suspend(() =>
    Stream.runForEach(logBatches(store, { fromPosition: position + 1, batchSize: 5_000 }), (batch) =>
      Effect.sync(() => {
        for (const event of batch) digest = nextLogDigest(digest, event.metadata.hash);
        eventCount += batch.length;
        position = batch.at(-1)!.position;
      }),
    ),
  );

  const sealNow = Effect.gen(function* () {
    yield* catchUp;
    const { key, publicJwk } = yield* keys.current;
    // Published (again, which changes nothing) before anything it signed is stored.
    yield* seals.addPublicKey(publicJwk);
    const seal = signSeal({ position, eventCount, digest, sealedAt: clock().toISOString() }, key);
    yield* seals.add(seal);
    return seal;
  });

  return {
    seal: lock.withPermits(1)(sealNow),
    sealIfDue: (policy) =>
      lock.withPermits(1)(
        Effect.gen(function* () {
          yield* catchUp;
          const latest = yield* seals.latest;
          const sealedCount = latest?.eventCount ?? 0;
          if (eventCount <= sealedCount) return undefined;
          const sinceLast = latest ? clock().getTime() - Date.parse(latest.sealedAt) : Number.POSITIVE_INFINITY;
          if (eventCount - sealedCount < policy.everyEvents && sinceLast < policy.everyMs) return undefined;
          return yield* sealNow;
        }),
      ),
  };
}

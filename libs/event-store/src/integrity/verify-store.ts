import { Effect } from "effect";
import type { StoreUnavailable } from "../port/errors.js";
import type { EventStoreService } from "../port/event-store.js";
import type { Seal } from "../seals/seal.js";
import { SealChecker, type SealReport } from "../seals/seal-check.js";
import type { SealKeySet } from "../seals/seal-keys.js";
import { LogVerifier, type VerifyReport } from "./verify-log.js";

export interface VerifyProgress {
  readonly checkedEvents: number;
  readonly headPosition: number;
  readonly position: number;
}

export interface VerifyOptions {
  /**
   * The adapter numbers its events 1, 2, 3, ... (EventStoreAdmin.densePositions): a hole
   * in the positions is then a removed event, wherever it was.
   */
  readonly densePositions: boolean;
  readonly batchSize?: number;
  readonly onProgress?: (progress: VerifyProgress) => void;
  /** Seals to check in the same walk, with the public keys they name. */
  readonly seals?: { readonly seals: ReadonlyArray<Seal>; readonly keys: SealKeySet };
}

/** The chain report, and with seals given, what they say: `ok` only when both hold. */
export interface SealedVerifyReport extends VerifyReport {
  readonly seals?: SealReport;
}

/**
 * Walks the whole log of `store` as stored (never upcast) and checks every hash chain,
 * and every seal given: a log shorter than a seal was truncated, a log whose digest
 * differs from a seal's was rewritten, even with every hash recomputed.
 */
export const verifyStore = (
  store: EventStoreService,
  options: VerifyOptions,
): Effect.Effect<SealedVerifyReport, StoreUnavailable> =>
  Effect.gen(function* () {
    const verifier = new LogVerifier(options.densePositions);
    const sealChecker = options.seals && new SealChecker(options.seals.seals, options.seals.keys);
    const headPosition = yield* store.headPosition;
    // A plain loop over the log's cursor: Stream.runForEachWhile held every batch it had
    // been given until the stream ended (effect 3.22), the whole log in memory.
    const cursor = yield* store.openLogCursor({ batchSize: options.batchSize ?? 5_000 });
    for (let batch = yield* cursor.next; batch.length > 0; batch = yield* cursor.next) {
      const before = verifier.report().checkedEvents;
      const whole = verifier.check(batch);
      // Only the events the chain check accepted count towards the digest.
      sealChecker?.check(batch.slice(0, verifier.report().checkedEvents - before));
      options.onProgress?.({ checkedEvents: verifier.report().checkedEvents, headPosition, position: batch.at(-1)!.position });
      // Reading stops at the first break: the report names it, and nothing after it counts.
      if (!whole) break;
    }
    const chains = verifier.report();
    if (!sealChecker) return chains;
    const seals = sealChecker.report(chains.ok);
    return { ...chains, ok: chains.ok && seals.failures.length === 0, seals };
  }).pipe(Effect.scoped);

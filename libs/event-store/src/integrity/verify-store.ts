import { Effect, Stream } from "effect";
import type { StoreUnavailable } from "../port/errors.js";
import type { EventStoreService } from "../port/event-store.js";
import { logBatches } from "../port/log-batches.js";
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
}

/** Walks the whole log of `store` as stored (never upcast) and checks every hash chain. */
export const verifyStore = (store: EventStoreService, options: VerifyOptions): Effect.Effect<VerifyReport, StoreUnavailable> =>
  Effect.gen(function* () {
    const verifier = new LogVerifier(options.densePositions);
    const headPosition = yield* store.headPosition;
    // Reading stops at the first break: the report names it, and nothing after it counts.
    yield* Stream.runForEachWhile(logBatches(store, { batchSize: options.batchSize ?? 5_000 }), (batch) =>
      Effect.sync(() => {
        const whole = verifier.check(batch);
        options.onProgress?.({ checkedEvents: verifier.report().checkedEvents, headPosition, position: batch.at(-1)!.position });
        return whole;
      }),
    );
    return verifier.report();
  });

import { Effect } from "effect";
import type { StoreUnavailable } from "../port/errors.js";
import type { EventStoreService } from "../port/event-store.js";
import { LogVerifier, type VerifyReport } from "./verify-log.js";

export interface VerifyProgress {
  readonly checkedEvents: number;
  readonly headPosition: number;
  readonly position: number;
}

/** Walks the whole log of `store` as stored (never upcast) and checks every hash chain. */
export const verifyStore = (
  store: EventStoreService,
  options: { readonly batchSize?: number; readonly onProgress?: (progress: VerifyProgress) => void } = {},
): Effect.Effect<VerifyReport, StoreUnavailable> =>
  Effect.gen(function* () {
    const verifier = new LogVerifier(store.densePositions);
    const headPosition = yield* store.headPosition;
    const maxCount = options.batchSize ?? 5_000;
    let fromPosition = 0;
    for (;;) {
      const batch = yield* store.readAll({ fromPosition, maxCount });
      const last = batch.at(-1);
      if (!last) break;
      const whole = verifier.check(batch);
      options.onProgress?.({ checkedEvents: verifier.report().checkedEvents, headPosition, position: last.position });
      if (!whole) break;
      fromPosition = last.position + 1;
    }
    return verifier.report();
  });

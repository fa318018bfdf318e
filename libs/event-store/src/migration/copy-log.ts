import { Effect } from "effect";
import { verifyStore } from "../integrity/verify-store.js";
import type { VerifyReport } from "../integrity/verify-log.js";
import { ImportRejected, type StoreUnavailable } from "../port/errors.js";
import type { EventStoreService } from "../port/event-store.js";

export interface CopyProgress {
  readonly copied: number;
  readonly position: number;
  readonly headPosition: number;
}

export interface CopyReport {
  readonly copied: number;
  readonly verification: VerifyReport;
}

/**
 * Copies a whole log, as stored, into an empty store of another engine: ids, order,
 * revisions, recordedAt and hashes carry over (positions are the target's own), then the
 * copy is verified end to end. `mandat migrate` runs it from SQLite into EventStoreDB.
 */
export const copyLog = (
  source: EventStoreService,
  target: EventStoreService,
  options: { readonly batchSize?: number; readonly onProgress?: (progress: CopyProgress) => void } = {},
): Effect.Effect<CopyReport, ImportRejected | StoreUnavailable> =>
  Effect.gen(function* () {
    const targetHead = yield* target.headPosition;
    if (targetHead > 0) return yield* new ImportRejected({ reason: "the target already holds events; copy only into an empty store" });
    const headPosition = yield* source.headPosition;
    const batchSize = options.batchSize ?? 1_000;
    let copied = 0;
    for (let fromPosition = 0; ; ) {
      const batch = yield* source.readAll({ fromPosition, maxCount: batchSize });
      const last = batch.at(-1);
      if (!last) break;
      yield* target.importRecorded(batch);
      copied += batch.length;
      fromPosition = last.position + 1;
      options.onProgress?.({ copied, position: last.position, headPosition });
    }
    const verification = yield* verifyStore(target);
    return { copied, verification };
  });

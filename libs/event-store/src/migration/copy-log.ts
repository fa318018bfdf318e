import { Effect, Stream } from "effect";
import type { VerifyReport } from "../integrity/verify-log.js";
import { type VerifyProgress, verifyStore } from "../integrity/verify-store.js";
import { ImportRejected, type StoreUnavailable } from "../port/errors.js";
import type { EventStoreService } from "../port/event-store.js";
import type { EventStoreAdminService } from "../port/event-store-admin.js";
import { logBatches } from "../port/log-batches.js";
import type { RecordedEvent } from "../port/recorded-event.js";

export interface ImportProgress {
  readonly copied: number;
  /** Position of the last event copied, in the log it came from. */
  readonly position: number;
}

export interface CopyProgress extends ImportProgress {
  readonly headPosition: number;
}

export interface CopyReport {
  readonly copied: number;
  readonly verification: VerifyReport;
}

/** Imports go into an empty store only: a log merged into another would not be either of them. */
export const requireEmpty = (target: EventStoreService): Effect.Effect<void, ImportRejected | StoreUnavailable> =>
  Effect.flatMap(target.headPosition, (head) =>
    head > 0
      ? Effect.fail(
          new ImportRejected({
            reason: `the target already holds events up to position ${head}; import only into an empty store`,
          }),
        )
      : Effect.void,
  );

/**
 * Imports recorded events, batch after batch, into `target` (checked empty with
 * requireEmpty) through `admin`, the same adapter's admin side, then verifies the result
 * end to end: `mandat import` from a file and copyLog from another store.
 */
export const importAndVerify = <E>(
  target: EventStoreService,
  admin: EventStoreAdminService,
  batches: Stream.Stream<ReadonlyArray<RecordedEvent>, E>,
  options: {
    readonly onProgress?: (progress: ImportProgress) => void;
    readonly onVerifyProgress?: (progress: VerifyProgress) => void;
  } = {},
): Effect.Effect<CopyReport, E | ImportRejected | StoreUnavailable> =>
  Effect.gen(function* () {
    let copied = 0;
    yield* Stream.runForEach(batches, (batch) =>
      Effect.map(admin.importRecorded(batch), () => {
        copied += batch.length;
        options.onProgress?.({ copied, position: batch.at(-1)!.position });
      }),
    );
    const verification = yield* verifyStore(target, {
      densePositions: admin.densePositions,
      onProgress: options.onVerifyProgress,
    });
    return { copied, verification };
  });

/**
 * Copies a whole log, as stored, into an empty store of another engine: ids, order,
 * revisions, recordedAt and hashes carry over (positions are the target's own), then the
 * copy is verified end to end. `targetAdmin` is the target adapter's admin side.
 * `mandat migrate` runs it from SQLite into EventStoreDB.
 */
export const copyLog = (
  source: EventStoreService,
  target: EventStoreService,
  targetAdmin: EventStoreAdminService,
  options: { readonly batchSize?: number; readonly onProgress?: (progress: CopyProgress) => void } = {},
): Effect.Effect<CopyReport, ImportRejected | StoreUnavailable> =>
  Effect.gen(function* () {
    yield* requireEmpty(target);
    const headPosition = yield* source.headPosition;
    const { onProgress } = options;
    return yield* importAndVerify(target, targetAdmin, logBatches(source, { batchSize: options.batchSize ?? 1_000 }), {
      onProgress: onProgress && ((progress) => onProgress({ ...progress, headPosition })),
    });
  });

import type { EventStoreService, RecordedEvent, StoreUnavailable } from "#event-store";
import type Database from "better-sqlite3";
import { Effect } from "effect";
import { type Checkpoint, Checkpoints } from "./checkpoints.js";
import { createGeneration, createIndexes, dropGeneration, pointViewsAt } from "./generations.js";
import { groupBy } from "./group-by.js";
import type { AnyProjection, ApplyEvent } from "./projection-definition.js";
import { type ReadModelWriteFailed, isStorageFailure, writeFailure } from "./read-model-write-failed.js";
import { RebuildFailed } from "./rebuild-failed.js";

export interface RebuildProgress {
  readonly position: number;
  readonly headPosition: number;
  readonly events: number;
  readonly elapsedMs: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

interface Build {
  readonly projection: AnyProjection;
  readonly generation: number;
  readonly apply: ApplyEvent;
}

/**
 * Blue-green rebuild: each projection is built from position 0 into a new generation of
 * tables while the current one keeps serving readers, then swapped in with its checkpoint
 * in one transaction. The log is read once for all projections being rebuilt.
 */
export const rebuildProjections = (
  db: Database.Database,
  store: EventStoreService,
  projections: ReadonlyArray<AnyProjection>,
  options: RebuildOptions = {},
): Effect.Effect<ReadonlyArray<Checkpoint>, StoreUnavailable | RebuildFailed | ReadModelWriteFailed> =>
  Effect.gen(function* () {
    // Every step that writes the read-model database turns SQLite refusing (a lock, a full
    // disk) into ReadModelWriteFailed, which callers retry; only a projection's fault is fatal.
    const checkpoints = yield* Effect.try({ try: () => new Checkpoints(db), catch: writeFailure });
    const builds: Build[] = yield* Effect.try({
      try: () =>
        projections.map((projection) => {
          const generation = (checkpoints.get(projection.name)?.generation ?? 0) + 1;
          const tables = db.transaction(() => createGeneration(db, projection, generation, { deferIndexes: true }))();
          return { projection, generation, apply: projection.bind(db, tables) };
        }),
      catch: writeFailure,
    });
    const headPosition = yield* store.headPosition;
    const batchSize = options.batchSize ?? REBUILD_BATCH_SIZE;
    const started = Date.now();
    const buildsFor = byEventType(builds);
    const applyBatch = db.transaction((events: ReadonlyArray<RecordedEvent>) => {
      for (const event of events) for (const build of buildsFor.get(event.type) ?? NONE) apply(build, event);
    });
    let position = 0;
    let last: RecordedEvent | undefined;
    let events = 0;
    // A plain loop over the log's cursor rather than a Stream of batches (logBatches): the
    // Stream kept each batch alive longer, and collecting them cost a tenth of a rebuild
    // (issue 16). The embedded store reads the next batches on a thread meanwhile.
    const cursor = yield* store.openLogCursor({ fromPosition: 1, batchSize, readAhead: true });
    for (;;) {
      const batch = yield* cursor.next;
      if (batch.length === 0) break;
      yield* Effect.try({ try: () => applyBatch(batch), catch: rebuildFailure });
      last = batch.at(-1)!;
      position = last.position;
      events += batch.length;
      options.onProgress?.({ position, headPosition, events, elapsedMs: Date.now() - started });
      // Let the server answer requests between batches of a long rebuild.
      yield* Effect.yieldNow();
    }
    // Rows that break a key (TableDefinition.keys), or an index the projection got wrong, are
    // its fault as an event it fails on is; only SQLite refusing to write is retried.
    for (const { projection, generation } of builds) {
      yield* Effect.try({
        try: () => db.transaction(() => createIndexes(db, projection, generation))(),
        catch: (error) =>
          isStorageFailure(error) ? writeFailure(error) : new RebuildFailed({ projection: projection.name, cause: error }),
      });
    }
    const swap = db.transaction(() => {
      // Every read model built again from this log: the anchor is this log's, even if an
      // earlier one (restored from an older backup) had moved it further; else it only moves on.
      const rebuiltAll = checkpoints.all().every(({ name }) => builds.some((build) => build.projection.name === name));
      if (rebuiltAll) checkpoints.dropAnchor();
      if (last) checkpoints.anchorAt(last);
      return builds.map(({ projection, generation }) => {
        const previous = checkpoints.get(projection.name);
        pointViewsAt(db, projection, generation);
        const checkpoint: Checkpoint = {
          name: projection.name,
          version: projection.version,
          generation,
          position,
          status: "running",
        };
        checkpoints.put(checkpoint);
        if (previous) dropGeneration(db, projection, previous.generation);
        return checkpoint;
      });
    });
    return yield* Effect.try({ try: swap, catch: writeFailure });
  }).pipe(
    Effect.tapError(() =>
      // A failed build leaves the generation in service untouched; its half-built tables go,
      // or, if the database refuses even that, the next start drops them as abandoned.
      Effect.ignore(
        Effect.try(() => {
          const checkpoints = new Checkpoints(db);
          for (const projection of projections) {
            const inService = checkpoints.get(projection.name)?.generation ?? 0;
            dropGeneration(db, projection, inService + 1);
          }
        }),
      ),
    ),
    withRareCheckpoints(db),
    // The cursor (and its thread) ends with the rebuild.
    Effect.scoped,
  );

/**
 * Runs a rebuild with the WAL checkpointed every REBUILD_CHECKPOINT_PAGES rather than every
 * 1,000 (SQLite's default), then restores the connection's setting. A rebuild appends to
 * every table at once, so each checkpoint wrote the same hot pages (the tables' last leaves,
 * their indexes) again: 4-9% of a rebuild. The WAL grows larger between checkpoints; nothing
 * about what commits, or when, changes.
 */
const withRareCheckpoints =
  (db: Database.Database) =>
  <A, E, R>(rebuild: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
    Effect.acquireUseRelease(
      Effect.sync(() => db.pragma("wal_autocheckpoint", { simple: true }) as number),
      (previous) =>
        Effect.zipRight(
          Effect.sync(() => db.pragma(`wal_autocheckpoint = ${Math.max(previous, REBUILD_CHECKPOINT_PAGES)}`)),
          rebuild,
        ),
      (previous) => Effect.sync(() => db.pragma(`wal_autocheckpoint = ${previous}`)),
    );

/** How many events a rebuild reads, and commits the rows of, at a time unless told otherwise. */
export const REBUILD_BATCH_SIZE = 2_000;

/** How many WAL pages a rebuild lets build up between checkpoints (withRareCheckpoints): 64 MB of 8 KB pages. */
export const REBUILD_CHECKPOINT_PAGES = 8_000;

const NONE: ReadonlyArray<Build> = [];

/** The builds that handle each event type: most events concern one read model, and the others need not look at them. */
const byEventType = (builds: ReadonlyArray<Build>): ReadonlyMap<string, ReadonlyArray<Build>> =>
  groupBy(
    builds.flatMap((build) => [...build.projection.eventTypes].map((type) => [type, build] as const)),
    (entry) => entry,
  );

function apply(build: Build, event: RecordedEvent): void {
  try {
    build.apply(event);
  } catch (error) {
    throw isStorageFailure(error) ? error : new RebuildFailed({ projection: build.projection.name, event, cause: error });
  }
}

/** A projection failing on an event is that event's fault; anything else is the database refusing the batch. */
const rebuildFailure = (error: unknown): RebuildFailed | ReadModelWriteFailed =>
  error instanceof RebuildFailed ? error : writeFailure(error);

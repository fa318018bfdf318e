import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { once } from "node:events";
import { type EventStoreAdmin, type RecordedEvent, SealStore, type StoreUnavailable, logBatches } from "#event-store";
import { type RegisteredMinutes, mandateHistory, registeredMeeting } from "#projections";
import type Database from "better-sqlite3";
import { Effect, Stream } from "effect";
import { RawEventStore } from "../raw-event-store.js";
import { verifyLogAndSeals } from "../sealing.js";
import type { ArchiveContents } from "./archival-package.js";

export const SOFTWARE_VERSION = "0.1.0";

export interface ArchiveRequest {
  readonly objectId: string;
  readonly created: string;
  /** Where the log is written while it is read (a temporary file the caller removes). */
  readonly logFile: string;
  /** Minutes of meetings held (or planned) within these dates, inclusive; all when absent. */
  readonly from?: string;
  readonly to?: string;
  /** The read models, caught up with the log by the caller. */
  readonly readModels: Database.Database;
  readonly onProgress?: (progress: { readonly position: number; readonly headPosition: number }) => void;
}

/**
 * What goes into an archival package: the whole log written to `logFile` as JSON lines
 * (hashed on the way), the log checked against its seals, the seals and keys, and the
 * minutes and mandate histories of the meetings and initiatives the log names. `mandat
 * archive` and `GET /api/v1/audit/archive` both start here.
 */
export const archiveContents = (
  request: ArchiveRequest,
): Effect.Effect<
  ArchiveContents & { readonly eventCount: number },
  StoreUnavailable,
  RawEventStore | EventStoreAdmin | SealStore
> =>
  Effect.gen(function* () {
    const store = yield* RawEventStore;
    const log = yield* writeLog(store, request);
    const verification = yield* verifyLogAndSeals();
    const [seals, keys] = yield* Effect.flatMap(SealStore, (sealStore) => Effect.all([sealStore.all, sealStore.publicKeys]));
    const minutes = log.meetingIds
      .map((id) => registeredMeeting(request.readModels, id))
      .filter((held): held is RegisteredMinutes => held !== undefined && withinPeriod(held, request.from, request.to));
    const mandates = log.initiativeIds.map((initiativeId) => ({
      initiativeId,
      versions: mandateHistory(request.readModels, initiativeId),
    }));
    return {
      header: {
        objectId: request.objectId,
        label: "Mandat: händelselogg med protokoll och mandat / event log with minutes and mandates",
        created: request.created,
        softwareVersion: SOFTWARE_VERSION,
      },
      log: { size: log.size, sha256: log.sha256, created: request.created, content: { file: request.logFile } },
      seals,
      keys,
      verification,
      minutes,
      mandates,
      eventCount: log.count,
    };
  });

const withinPeriod = (minutes: RegisteredMinutes, from: string | undefined, to: string | undefined): boolean => {
  const day = minutes.heldOn ?? minutes.plannedOn ?? "";
  return (from === undefined || day >= from) && (to === undefined || day <= to);
};

const MANDATE_EVENTS = new Set(["MandateGranted", "MandateAmended", "MandateRenewed", "MandateRevoked"]);

/** The log as stored, one JSON envelope per line, hashed as it is written; the meetings and mandates it holds noted on the way. */
const writeLog = (store: Parameters<typeof logBatches>[0], request: ArchiveRequest) =>
  Effect.gen(function* () {
    const headPosition = yield* store.headPosition;
    const out = createWriteStream(request.logFile, { flags: "wx" });
    const hash = createHash("sha256");
    const meetings = new Set<string>();
    const initiatives = new Set<string>();
    let count = 0;
    const note = (event: RecordedEvent) => {
      if (event.streamId.startsWith("meeting-")) meetings.add(event.streamId.slice("meeting-".length));
      if (MANDATE_EVENTS.has(event.type) && event.streamId.startsWith("initiative-"))
        initiatives.add(event.streamId.slice("initiative-".length));
    };
    yield* Stream.runForEach(logBatches(store, { batchSize: 2_000 }), (batch) =>
      Effect.promise(async () => {
        const text = batch.map((event) => `${JSON.stringify(event)}\n`).join("");
        hash.update(text);
        batch.forEach(note);
        count += batch.length;
        if (!out.write(text)) await once(out, "drain");
        request.onProgress?.({ position: batch.at(-1)!.position, headPosition });
      }),
    );
    yield* Effect.promise(async () => {
      out.end();
      await once(out, "close");
    });
    const { size } = yield* Effect.promise(() => stat(request.logFile));
    return { size, sha256: hash.digest("hex"), count, meetingIds: [...meetings], initiativeIds: [...initiatives] };
  });

import { createHash } from "node:crypto";
import { EventStore, type RecordedEvent } from "#event-store";
import type { AnyProjection } from "#projections";
import { Effect } from "effect";
import type { MandatRuntime } from "../runtime/mandat-runtime.js";

/**
 * docs/api.md "Reads": the ETag of a read of one resource. It is strong and has two parts:
 * `"<revision>-<digest>"` for a read of one stream's state (the overview, a meeting, a budget,
 * a person), `"<digest>"` for the other reads. The digest (SHA-256 of the JSON text answered) is
 * what makes it a validator of the whole answer: the same revision can read differently on
 * another day (`at` defaults to today) or once a lead's name changes. The revision is what a
 * write's If-Match compares (request-headers.ts), so a client can read, then write.
 */
export function entityTag(json: string, revision: number | undefined): string {
  const digest = createHash("sha256").update(json).digest("base64url").slice(0, 22);
  return revision === undefined ? `"${digest}"` : `"${revision}-${digest}"`;
}

/**
 * True when If-None-Match names `tag` (or is `*`): the client holds this answer, so 304.
 * RFC 9110 compares If-None-Match weakly: a `W/` prefix is ignored.
 */
export function holdsTag(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === tag);
}

/** The position every one of `readModels` has applied now: a read made next sees at least that much of the log. */
export function appliedPosition(runtime: MandatRuntime, readModels: ReadonlyArray<AnyProjection>): number {
  const names = new Set(readModels.map((projection) => projection.name));
  const positions = runtime.runner
    .status()
    .filter((status) => names.has(status.name))
    .map((status) => status.position);
  return positions.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...positions);
}

const BATCH = 50;

/**
 * The revision of `streamId` that the read models had applied at `position`, as recorded by
 * `asOf`: its last event at or before both. Taken from the position noted before the read,
 * never after, so the revision is never newer than the answer: at worst a write with it is
 * refused 412 and read again, never accepted on a state the client did not see.
 * Undefined when the stream had no event then.
 */
export async function streamRevisionAt(
  runtime: MandatRuntime,
  streamId: string,
  position: number,
  asOf: string | undefined,
): Promise<number | undefined> {
  const read = (fromRevision: number | undefined) =>
    runtime.run(
      Effect.flatMap(EventStore, (store) =>
        store.readStream(streamId, {
          direction: "backwards",
          maxCount: BATCH,
          ...(fromRevision === undefined ? {} : { fromRevision }),
          ...(asOf === undefined ? {} : { recordedUpTo: asOf }),
        }),
      ).pipe(Effect.catchTag("StreamNotFound", () => Effect.succeed([] as ReadonlyArray<RecordedEvent>))),
    );
  let fromRevision: number | undefined;
  for (;;) {
    const events = await read(fromRevision);
    const seen = events.find((event) => event.position <= position);
    if (seen) return seen.revision;
    const oldest = events.at(-1);
    if (events.length < BATCH || oldest === undefined || oldest.revision === 0) return undefined;
    fromRevision = oldest.revision - 1;
  }
}

import { createHash } from "node:crypto";
import { BACKWARDS, END, type EventData, NO_STREAM, StreamNotFoundError, jsonEvent } from "@eventstore/db-client";
import type { IdempotencyClaim, IdempotencyRecord } from "../port/idempotency-record.js";
import type { EsdbClient } from "./esdb-client.js";
import { readUntil } from "./esdb-reads.js";

/**
 * EventStoreDB writes one stream per transaction, so an idempotency record cannot be
 * written atomically with the events it answers for. Instead a request first claims its
 * key in a stream of its own (`mandat-idempotency-<sha256(key)>`, created only once:
 * the server arbitrates concurrent claims), naming the ids its events will have. The
 * record is complete once those events are in their stream; a claim whose events never
 * arrived (the append lost its race, or the process died) is released and may be
 * claimed again. Fixed event ids make the append itself safe to repeat.
 */
const CLAIM_STREAM_PREFIX = "mandat-idempotency-";
const CLAIMED = "MandatIdempotencyClaimed";
const RELEASED = "MandatIdempotencyReleased";

/** After this long, a claim without its events is taken to have failed. */
export const ABANDONED_AFTER_MS = 60_000;

/**
 * No attempt to append a claim's events begins after this long from the claim, and none
 * may run past it (each gets what is left as its deadline). The rest of ABANDONED_AFTER_MS
 * is margin: for a write the server still commits just after its deadline, and for clocks
 * of API instances that differ a little. Without it, the client's 10 s deadline times the
 * retries would outlast the claim, which another instance could then release while the
 * append still lands: the command applied twice.
 */
export const CLAIMED_APPEND_WINDOW_MS = 20_000;

export interface ClaimData extends IdempotencyClaim {
  readonly streamId: string;
  readonly eventIds: ReadonlyArray<string>;
  readonly claimedAt: string;
  /** For an append of events: the revision of the first, where to look for them. */
  readonly firstRevision?: number;
  /** For an append of no events: the stream head it answered with. */
  readonly revision?: number;
  readonly position?: number;
}

export type ClaimState =
  | { readonly kind: "none"; readonly claimRevision: bigint | typeof NO_STREAM }
  | { readonly kind: "claimed"; readonly claim: ClaimData; readonly claimRevision: bigint };

export const claimStream = (key: string): string => `${CLAIM_STREAM_PREFIX}${createHash("sha256").update(key).digest("hex")}`;

export async function claimState(client: EsdbClient, key: string): Promise<ClaimState> {
  let state: ClaimState = { kind: "none", claimRevision: NO_STREAM };
  try {
    const reading = client.readStream(claimStream(key), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    await readUntil(reading, ({ event }) => {
      if (event) {
        state =
          event.type === CLAIMED
            ? { kind: "claimed", claim: event.data as unknown as ClaimData, claimRevision: event.revision }
            : { kind: "none", claimRevision: event.revision };
      }
      return false;
    });
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { kind: "none", claimRevision: NO_STREAM };
    throw error;
  }
  return state;
}

export const claimEvent = (claim: ClaimData): EventData => jsonEvent({ type: CLAIMED, data: claim as never });
export const releaseEvent = (reason: string): EventData => jsonEvent({ type: RELEASED, data: { reason } });

/** A completed claim as the port's record; `found` are the claimed events as stored. */
export const recordOf = (
  claim: ClaimData,
  found: { readonly revision: number; readonly position: number; readonly recordedAt: string } | undefined,
): IdempotencyRecord | undefined => {
  const { key, fingerprint, response, streamId } = claim;
  if (found) return { key, fingerprint, response, streamId, ...found };
  if (claim.eventIds.length === 0 && claim.revision !== undefined && claim.position !== undefined) {
    return {
      key,
      fingerprint,
      response,
      streamId,
      revision: claim.revision,
      position: claim.position,
      recordedAt: claim.claimedAt,
    };
  }
  return undefined;
};

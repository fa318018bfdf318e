import { uuidV7 } from "../ids/uuid-v7.js";
import { type EventToAppend, GENESIS_HASH, type RecordedEvent } from "../port/recorded-event.js";
import { canonicalJson } from "./canonical-json.js";
import { hashCanonicalParts } from "./event-hash.js";

/** The last event of a stream, as the next event chains to it. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** An event to append with its payload already in canonical JSON. */
export interface SerialisedEvent extends EventToAppend {
  readonly dataJson: string;
}

/** A new event of a stream: its envelope (the store assigns the position) and what it is stored as. */
export interface ChainedEvent {
  readonly envelope: Omit<RecordedEvent, "position">;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/** Throws a TypeError for a payload JSON cannot hold (a bigint, a function). */
export const serialiseEvent = (event: EventToAppend): SerialisedEvent => ({ ...event, dataJson: canonicalJson(event.data) });

/**
 * The store clock as it stamps recordedAt: never before an instant already recorded where
 * the new events go, so recordedAt does not decrease along the log or a stream.
 */
export const nextRecordedAt = (now: Date, ...recorded: ReadonlyArray<string | undefined>): string =>
  recorded.reduce<string>((latest, instant) => (instant !== undefined && instant > latest ? instant : latest), now.toISOString());

/**
 * Gives the events of one append their ids, revisions after `head` and hashes, each
 * event's prevHash naming the hash before it (GENESIS_HASH for a new stream).
 */
export function chainEvents(
  streamId: string,
  head: StreamHead | undefined,
  recordedAt: string,
  events: ReadonlyArray<SerialisedEvent>,
): ChainedEvent[] {
  let revision = head ? head.revision : -1;
  let prevHash = head ? head.hash : GENESIS_HASH;
  return events.map(({ type, schemaVersion, data, dataJson, metadata: input }) => {
    revision += 1;
    const scalars = { eventId: uuidV7(), type, schemaVersion, streamId, revision, recordedAt };
    const metadata = { ...input, prevHash };
    // The stored strings are the very ones the hash covers: each payload is serialised once.
    const metadataJson = canonicalJson(metadata);
    prevHash = hashCanonicalParts(scalars, dataJson, metadataJson);
    return { envelope: { ...scalars, data, metadata: { ...metadata, hash: prevHash } }, dataJson, metadataJson };
  });
}

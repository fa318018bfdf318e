import { uuidV7 } from "../ids/uuid-v7.js";
import { type EventToAppend, GENESIS_HASH, type RecordedEvent } from "../port/recorded-event.js";
import { canonicalJson } from "./canonical-json.js";
import { type EnvelopeScalars, hashCanonicalParts } from "./event-hash.js";

/** The last event of a stream, as the next event chains to it. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** An event to append with its payload, and its metadata but for prevHash, in canonical JSON. */
export interface SerialisedEvent extends EventToAppend {
  readonly dataJson: string;
  /** The metadata's canonical JSON, where prevHash can be added as its last member (see chainEvents). */
  readonly metadataJson: string | undefined;
}

/**
 * A new event of a stream as a store writes it (the store assigns the position): its
 * envelope's scalars, its hash, and its payload and metadata (prevHash included) in the
 * canonical JSON the hash covers. Flat, because a store binds these values as they are:
 * building each event's envelope with objects a store never reads cost an append
 * allocation for nothing (chainEnvelopes builds them for a store that sends envelopes).
 */
export interface ChainedEvent extends EnvelopeScalars {
  readonly hash: string;
  readonly dataJson: string;
  readonly metadataJson: string;
}

/**
 * The events of one append in canonical JSON, before the chain is known: a store calls
 * this outside its write transaction. The events of a command share one metadata object,
 * which is serialised once. Throws a TypeError for a payload JSON cannot hold (a bigint, a function).
 */
export function serialiseEvents(events: ReadonlyArray<EventToAppend>): SerialisedEvent[] {
  let metadata: EventToAppend["metadata"] | undefined;
  let metadataJson: string | undefined;
  return events.map((event) => {
    if (event.metadata !== metadata) {
      metadata = event.metadata;
      metadataJson = prevHashSortsLast(metadata) ? canonicalJson(metadata) : undefined;
    }
    // Spelt out: a spread with members added cost more than serialising the payload.
    const { type, schemaVersion, data } = event;
    return { type, schemaVersion, data, metadata: event.metadata, dataJson: canonicalJson(data), metadataJson };
  });
}

/**
 * True when every member the writer supplied sorts before prevHash, as those of
 * EventMetadataInput do, in a plain object (whose canonical JSON is that of its members).
 */
const prevHashSortsLast = (metadata: object): boolean =>
  Object.getPrototypeOf(metadata) === Object.prototype &&
  Object.keys(metadata).every((key) => key < "prevHash" || (metadata as Record<string, unknown>)[key] === undefined);

/** canonicalJson({ ...metadata, prevHash }) from canonicalJson(metadata), when prevHash sorts last. */
const withPrevHashLast = (metadataJson: string, prevHash: string): string =>
  `${metadataJson === "{}" ? "{" : `${metadataJson.slice(0, -1)},`}"prevHash":${JSON.stringify(prevHash)}}`;

/**
 * The store clock as it stamps recordedAt: never before an instant already recorded where
 * the new events go, so recordedAt does not decrease along the log or a stream.
 */
export function nextRecordedAt(now: Date, ...recorded: ReadonlyArray<string | undefined>): string {
  let latest = isoInstant(now);
  for (const instant of recorded) if (instant !== undefined && instant > latest) latest = instant;
  return latest;
}

let lastInstant = { time: Number.NaN, iso: "" };

/** toISOString, remembered for the last millisecond asked: the appends of one batch mostly share it. */
const isoInstant = (date: Date): string => {
  const time = date.getTime();
  if (time !== lastInstant.time) lastInstant = { time, iso: date.toISOString() };
  return lastInstant.iso;
};

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
  return events.map(({ type, schemaVersion, dataJson, metadata: input, metadataJson: inputJson }) => {
    revision += 1;
    // The stored strings are the very ones the hash covers: each payload is serialised once.
    const metadataJson = inputJson === undefined ? canonicalJson({ ...input, prevHash }) : withPrevHashLast(inputJson, prevHash);
    const chained = { eventId: uuidV7(), type, schemaVersion, streamId, revision, recordedAt, hash: "", dataJson, metadataJson };
    chained.hash = hashCanonicalParts(chained, dataJson, metadataJson);
    prevHash = chained.hash;
    return chained;
  });
}

/** The events of one append chained as chainEvents does, as the envelopes readers get back. */
export function chainEnvelopes(
  streamId: string,
  head: StreamHead | undefined,
  recordedAt: string,
  events: ReadonlyArray<EventToAppend>,
): Array<Omit<RecordedEvent, "position">> {
  let prevHash = head ? head.hash : GENESIS_HASH;
  return chainEvents(streamId, head, recordedAt, serialiseEvents(events)).map((chained, index) => {
    const { data, metadata } = events[index]!;
    const { eventId, type, schemaVersion, revision, hash } = chained;
    const envelope = {
      eventId,
      type,
      schemaVersion,
      streamId,
      revision,
      recordedAt,
      data,
      metadata: { ...metadata, prevHash, hash },
    };
    prevHash = hash;
    return envelope;
  });
}

import { hash } from "node:crypto";
import type { RecordedEvent } from "../port/recorded-event.js";
import { canonicalJson } from "./canonical-json.js";

/**
 * The envelope fields a hash covers. `position` is left out on purpose: it belongs to
 * the engine (EventStoreDB assigns its own), and a log copied between engines must keep
 * its hashes. Order within the stream is still covered through `revision` and `prevHash`.
 */
export type HashedEnvelope = Omit<RecordedEvent, "position" | "metadata"> & {
  readonly metadata: Omit<RecordedEvent["metadata"], "hash">;
};

export type EnvelopeScalars = Omit<HashedEnvelope, "data" | "metadata">;

/**
 * SHA-256 over the canonical JSON of the envelope without its hash, assembled from the
 * canonical JSON of `data` and `metadata` so a writer that stores those very strings
 * serialises each payload once. Keys appear in sorted order, exactly as
 * canonicalJson(envelope) would write them.
 */
export function hashCanonicalParts(envelope: EnvelopeScalars, dataJson: string, metadataJson: string): string {
  const canonical =
    `{"data":${dataJson},"eventId":${JSON.stringify(envelope.eventId)},"metadata":${metadataJson}` +
    `,"recordedAt":${JSON.stringify(envelope.recordedAt)},"revision":${envelope.revision}` +
    `,"schemaVersion":${envelope.schemaVersion},"streamId":${JSON.stringify(envelope.streamId)}` +
    `,"type":${JSON.stringify(envelope.type)}}`;
  // One-shot: a Hash object per event cost twice as much as hashing the few hundred bytes.
  return hash("sha256", canonical, "hex");
}

export function hashEnvelope(envelope: HashedEnvelope): string {
  return hashCanonicalParts(envelope, canonicalJson(envelope.data), canonicalJson(envelope.metadata));
}

export function withoutHash(event: RecordedEvent): HashedEnvelope {
  const { hash: _hash, ...metadata } = event.metadata;
  return { ...event, metadata };
}

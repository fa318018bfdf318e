import { jsonEvent, type EventData, type JSONType, type Position } from "@eventstore/db-client";
import type { EventMetadata, RecordedEvent } from "../port/recorded-event.js";
import { PositionNotKnown, isKnownPosition, toPosition } from "./esdb-positions.js";

/**
 * What an EventStoreDB event carries besides its type and data: our envelope's metadata
 * under one key (exactly what the hash covers, untouched), and what EventStoreDB has no
 * place for. `$correlationId`/`$causationId` let the server's own tools follow causation.
 */
export interface EsdbMetadata {
  readonly mandat: EventMetadata;
  readonly recordedAt: string;
  readonly schemaVersion: number;
  readonly indexInAppend: number;
  readonly $correlationId: string;
  readonly $causationId: string;
}

/** `event` needs no position: EventStoreDB gives it one by where the append lands in $all. */
export function toEsdbEvent(event: Omit<RecordedEvent, "position">, indexInAppend: number): EventData {
  const metadata: EsdbMetadata = {
    mandat: event.metadata,
    recordedAt: event.recordedAt,
    schemaVersion: event.schemaVersion,
    indexInAppend,
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
  };
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data as JSONType, metadata });
}

/** The subset of a stored EventStoreDB event the mapping needs. */
export interface StoredEsdbEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: Position;
}

export const isMandatMetadata = (metadata: unknown): metadata is EsdbMetadata =>
  typeof metadata === "object" && metadata !== null && "mandat" in metadata && "indexInAppend" in metadata;

/**
 * Undefined for events Mandat did not write (system events, other applications). One of
 * ours without a known position throws PositionNotKnown: skipping it would leave a gap in
 * its stream, and position 0 would put it before everything.
 */
export function fromEsdbEvent(event: StoredEsdbEvent): RecordedEvent | undefined {
  if (!isMandatMetadata(event.metadata)) return undefined;
  if (!isKnownPosition(event.position)) throw new PositionNotKnown(event.streamId);
  const { mandat, recordedAt, schemaVersion, indexInAppend } = event.metadata;
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPosition(event.position.commit, indexInAppend),
    recordedAt,
    data: event.data,
    metadata: mandat,
  };
}

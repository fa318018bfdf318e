/** Who caused an event: the authenticated subject and the roles it acted in. */
export interface Actor {
  readonly id: string;
  readonly roles: ReadonlyArray<string>;
}

/** Metadata the writer supplies; the store adds `hash` and `prevHash`. */
export interface EventMetadataInput {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly idempotencyKey?: string;
}

export interface EventMetadata extends EventMetadataInput {
  /** SHA-256 (hex) over the canonical envelope without `hash`. */
  readonly hash: string;
  /** `hash` of the previous event in the same stream; GENESIS_HASH for revision 0. */
  readonly prevHash: string;
}

/** An event as the writer hands it to the store. */
export interface EventToAppend {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadataInput;
}

/** The full envelope of docs/domain.md "Event envelope", as stored and read back. */
export interface RecordedEvent<Data = unknown> {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 0-based within the stream. */
  readonly revision: number;
  /** Global, strictly increasing in commit order. */
  readonly position: number;
  /** ISO-8601 UTC instant, from the store's clock; never decreases with position. */
  readonly recordedAt: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export const GENESIS_HASH = "0".repeat(64);

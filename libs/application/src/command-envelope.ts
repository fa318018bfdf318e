import type { Principal } from "#domain";

/** A command as it arrives from the edge (HTTP, CLI, demo loader). */
export interface CommandEnvelope<Input> {
  readonly input: Input;
  readonly principal: Principal;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly idempotencyKey?: string;
  /** The revision the caller read (HTTP If-Match): then a moved stream fails instead of retrying. */
  readonly expectedRevision?: number;
}

export interface CommandResult {
  readonly id: string;
  readonly streamId: string;
  /** Revision of the stream after the write (-1 if it still has no events). */
  readonly revision: number;
  /** Position in the global log of the write's last event. */
  readonly position: number;
  readonly created: boolean;
}

import { GENESIS_HASH, type RecordedEvent } from "../port/recorded-event.js";
import { hashEnvelope, withoutHash } from "./event-hash.js";
import type { StreamHead } from "./hash-chain.js";

export type BreakReason =
  | "hash-mismatch"
  | "prev-hash-mismatch"
  | "revision-gap"
  | "position-gap"
  | "position-not-increasing"
  | "recorded-before-previous";

export interface BrokenAt {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly reason: BreakReason;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly checkedEvents: number;
  readonly brokenAt?: BrokenAt;
}

/**
 * Checks events in log order, batch by batch, keeping only the last revision and hash of
 * each stream. An edited event fails its own hash; a removed one leaves a revision gap or
 * a prevHash that no longer matches; a reordered one does both.
 */
export class LogVerifier {
  /**
   * @param densePositions the engine numbers events 1, 2, 3, ... with no holes (SQLite),
   *   so a missing position is a removed event even when it was the last of its stream.
   */
  constructor(private readonly densePositions: boolean) {}

  private readonly heads = new Map<string, StreamHead>();
  private lastPosition = 0;
  private lastRecordedAt = "";
  private checked = 0;
  private broken: BrokenAt | undefined;

  /** Feeds the next events in log order; returns false once the log is found broken. */
  check(events: Iterable<RecordedEvent>): boolean {
    if (this.broken) return false;
    for (const event of events) {
      const reason = this.findBreak(event);
      if (reason) {
        const { position, eventId, streamId, revision } = event;
        this.broken = { position, eventId, streamId, revision, reason };
        return false;
      }
      this.heads.set(event.streamId, { revision: event.revision, hash: event.metadata.hash });
      this.lastPosition = event.position;
      this.lastRecordedAt = event.recordedAt;
      this.checked += 1;
    }
    return true;
  }

  report(): VerifyReport {
    return this.broken
      ? { ok: false, checkedEvents: this.checked, brokenAt: this.broken }
      : { ok: true, checkedEvents: this.checked };
  }

  private findBreak(event: RecordedEvent): BreakReason | undefined {
    if (event.position <= this.lastPosition) return "position-not-increasing";
    if (this.densePositions && event.position !== this.lastPosition + 1) return "position-gap";
    // One writer stamps a dense log: its clock never runs backwards, so moving an event
    // across streams to another position shows as time going back.
    if (this.densePositions && event.recordedAt < this.lastRecordedAt) return "recorded-before-previous";
    const head = this.heads.get(event.streamId);
    if (event.revision !== (head ? head.revision + 1 : 0)) return "revision-gap";
    if (event.metadata.prevHash !== (head ? head.hash : GENESIS_HASH)) return "prev-hash-mismatch";
    if (hashEnvelope(withoutHash(event)) !== event.metadata.hash) return "hash-mismatch";
    return undefined;
  }
}

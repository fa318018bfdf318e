import { Data } from "effect";
import { type ActualRevision, type ExpectedRevision, describeExpected } from "./expected-revision.js";

export class ConcurrencyConflict extends Data.TaggedError("ConcurrencyConflict")<{
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly actual: ActualRevision;
}> {
  override get message() {
    return `Stream ${this.streamId} is at revision ${this.actual}, expected ${describeExpected(this.expected)}`;
  }
}

/**
 * Reading a stream that has no events. Every command that creates something meets this
 * on its way, so it is a plain tagged value rather than an Error: no stack trace to
 * capture on the hot path.
 */
export class StreamNotFound extends Data.TaggedClass("StreamNotFound")<{ readonly streamId: string }> {
  get message() {
    return `Stream ${this.streamId} does not exist`;
  }
}

/** The store cannot be reached or failed to commit; nothing of the failed write is stored. */
export class StoreUnavailable extends Data.TaggedError("StoreUnavailable")<{
  readonly reason: string;
  readonly cause?: unknown;
}> {
  override get message() {
    return `Event store unavailable: ${this.reason}`;
  }
}

/** Another append already recorded this idempotency key; read its record instead. */
export class IdempotencyKeyTaken extends Data.TaggedError("IdempotencyKeyTaken")<{ readonly key: string }> {
  override get message() {
    return `Idempotency key ${this.key} is already recorded`;
  }
}

/** An import was refused: the target is not empty or the events do not continue each other. */
export class ImportRejected extends Data.TaggedError("ImportRejected")<{ readonly reason: string }> {
  override get message() {
    return `Import rejected: ${this.reason}`;
  }
}

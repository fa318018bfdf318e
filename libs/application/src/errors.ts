import { Data } from "effect";

/** The principal's roles or initiatives do not allow this command (HTTP 403). */
export class Forbidden extends Data.TaggedError("Forbidden")<{ readonly reason: string }> {
  override get message() {
    return this.reason;
  }
}

/** The command addresses a stream that does not exist (HTTP 404). */
export class ResourceNotFound extends Data.TaggedError("ResourceNotFound")<{ readonly streamId: string }> {
  override get message() {
    return `${this.streamId} does not exist`;
  }
}

/** The caller named the revision it read (If-Match) and the stream has moved on (HTTP 412). */
export class PreconditionFailed extends Data.TaggedError("PreconditionFailed")<{
  readonly streamId: string;
  readonly expectedRevision: number;
  readonly actualRevision: number | "no-stream";
}> {
  override get message() {
    return `${this.streamId} is at revision ${this.actualRevision}, not ${this.expectedRevision}`;
  }
}

/** The idempotency key was first used for another command (HTTP 422). */
export class IdempotencyKeyReused extends Data.TaggedError("IdempotencyKeyReused")<{ readonly key: string }> {
  override get message() {
    return `Idempotency key ${this.key} was already used for a different request`;
  }
}

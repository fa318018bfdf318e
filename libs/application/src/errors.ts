import { Data } from "effect";

/** The principal's roles or initiatives do not allow this command (HTTP 403). */
export class Forbidden extends Data.TaggedError("Forbidden")<{ readonly reason: string }> {
  override get message() {
    return this.reason;
  }
}

/** One thing wrong with a command's input: where (`["lines", 0, "amountSek"]`) and what. */
export interface InputIssue {
  readonly path: ReadonlyArray<PropertyKey>;
  /** In English. */
  readonly message: string;
  /** In Swedish, where zod's Swedish locale says it; a message written for the field itself stays in English. */
  readonly sv?: string;
}

/** The input does not fit the command's schema (HTTP 400); every issue is named. */
export class InvalidInput extends Data.TaggedError("InvalidInput")<{ readonly issues: ReadonlyArray<InputIssue> }> {
  override get message() {
    return this.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
      .join("; ");
  }
}

/**
 * The command addresses a stream that does not exist, or a resource its stream does not
 * hold (a goal, a mandate): HTTP 404. `reason` says which, when it is more than the stream.
 */
export class ResourceNotFound extends Data.TaggedError("ResourceNotFound")<{
  readonly streamId: string;
  readonly reason?: string;
}> {
  override get message() {
    return this.reason ?? `${this.streamId} does not exist`;
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

import { type FieldError, invalidRequest } from "./problems.js";
import type { MandatRequest } from "./request-context.js";

export interface CommandHeaders {
  readonly idempotencyKey?: string;
  readonly expectedRevision?: number;
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** A header by its canonical name, which is also how errors name it (`header.If-Match`). */
const header = (request: MandatRequest, name: string): string | undefined => {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** A bounded, visible-ASCII token: what keys and ids in headers may be. */
const TOKEN = /^[\x21-\x7e]{1,200}$/;

/**
 * If-Match's stream revision: `"3"` (or a bare `3`), as a write answers it, or a read's ETag
 * `"3-<digest>"` (entity-tags.ts), of which the revision is compared. This server sends only
 * strong ETags, and RFC 9110 compares If-Match strongly, so a weak `W/"3"` could never match:
 * it is refused as malformed (400) rather than answered 412, which would come before the
 * command's own 404 and 403.
 */
const ifMatchRevision = (value: string): number | undefined => {
  const revision = value.trim().match(/^"?(\d{1,15})(?:-[\w-]{1,64})?"?$/)?.[1];
  return revision === undefined ? undefined : Number(revision);
};

/**
 * The headers a write may carry: Idempotency-Key, If-Match: "<revision>" and
 * correlation/causation ids to carry into the events.
 */
export function commandHeaders(request: MandatRequest): CommandHeaders {
  const errors: FieldError[] = [];
  const token = (name: string) => {
    const value = header(request, name);
    if (value !== undefined && !TOKEN.test(value))
      errors.push({ path: `header.${name}`, message: "1 to 200 visible ASCII characters" });
    return value;
  };
  const idempotencyKey = token("Idempotency-Key");
  const correlationId = token("X-Correlation-Id");
  const causationId = token("X-Causation-Id");
  const ifMatch = header(request, "If-Match");
  const expectedRevision = ifMatch === undefined ? undefined : ifMatchRevision(ifMatch);
  if (ifMatch !== undefined && expectedRevision === undefined) {
    errors.push({ path: "header.If-Match", message: 'a stream revision as a strong ETag, e.g. "3"' });
  }
  if (errors.length > 0) throw invalidRequest(errors);
  return {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
  };
}

import { type FieldError, invalidRequest, preconditionFailed } from "./problems.js";
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
 * If-Match's stream revision: `"3"` (or a bare `3`). A weak `W/"3"` is "weak": RFC 9110
 * compares If-Match strongly, and a weak tag never matches.
 */
const ifMatchRevision = (value: string): number | "weak" | undefined => {
  const [, weak, revision] = value.trim().match(/^(W\/)?"?(\d{1,15})"?$/) ?? [];
  if (revision === undefined) return undefined;
  return weak ? "weak" : Number(revision);
};

/**
 * The headers a write may carry: Idempotency-Key, If-Match: "<revision>" and
 * correlation/causation ids to carry into the events.
 */
export function commandHeaders(request: MandatRequest): CommandHeaders {
  const errors: FieldError[] = [];
  const token = (name: string) => {
    const value = header(request, name);
    if (value !== undefined && !TOKEN.test(value)) errors.push({ path: `header.${name}`, message: "1 to 200 visible ASCII characters" });
    return value;
  };
  const idempotencyKey = token("Idempotency-Key");
  const correlationId = token("X-Correlation-Id");
  const causationId = token("X-Causation-Id");
  const ifMatch = header(request, "If-Match");
  const expectedRevision = ifMatch === undefined ? undefined : ifMatchRevision(ifMatch);
  if (ifMatch !== undefined && expectedRevision === undefined) {
    errors.push({ path: "header.If-Match", message: 'a stream revision as an ETag, e.g. "3"' });
  }
  if (errors.length > 0) throw invalidRequest(errors);
  if (expectedRevision === "weak") throw preconditionFailed('A weak ETag never matches If-Match; send the revision as a strong one, e.g. "3"');
  return {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
  };
}

import { type FieldError, invalidRequest } from "./problems.js";
import type { MandatRequest } from "./request-context.js";

export interface CommandHeaders {
  readonly idempotencyKey?: string;
  readonly expectedRevision?: number;
  readonly correlationId?: string;
  readonly causationId?: string;
}

const header = (request: MandatRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** A bounded, visible-ASCII token: what keys and ids in headers may be. */
const TOKEN = /^[\x21-\x7e]{1,200}$/;

/**
 * The headers a write may carry: Idempotency-Key, If-Match: "<revision>" (weak or bare
 * forms accepted) and correlation/causation ids to carry into the events.
 */
export function commandHeaders(request: MandatRequest): CommandHeaders {
  const errors: FieldError[] = [];
  const token = (name: string) => {
    const value = header(request, name);
    if (value !== undefined && !TOKEN.test(value)) errors.push({ path: `header.${name}`, message: "1 to 200 visible ASCII characters" });
    return value;
  };
  const idempotencyKey = token("idempotency-key");
  const correlationId = token("x-correlation-id");
  const causationId = token("x-causation-id");
  const ifMatch = header(request, "if-match");
  let expectedRevision: number | undefined;
  if (ifMatch !== undefined) {
    const revision = ifMatch.trim().match(/^(?:W\/)?"?(\d{1,15})"?$/)?.[1];
    if (revision === undefined) errors.push({ path: "header.If-Match", message: 'a stream revision as an ETag, e.g. "3"' });
    else expectedRevision = Number(revision);
  }
  if (errors.length > 0) throw invalidRequest(errors);
  return {
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
  };
}

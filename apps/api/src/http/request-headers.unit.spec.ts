import { describe, expect, it } from "vitest";
import { HttpProblem } from "./problems.js";
import type { MandatRequest } from "./request-context.js";
import { commandHeaders } from "./request-headers.js";

const withHeaders = (headers: Record<string, string>) => ({ headers }) as unknown as MandatRequest;

const refusal = (headers: Record<string, string>): HttpProblem => {
  try {
    commandHeaders(withHeaders(headers));
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error("the headers were accepted");
};

describe("commandHeaders", () => {
  it("reads If-Match as a strong ETag, quoted or bare", () => {
    expect(commandHeaders(withHeaders({ "if-match": '"3"' })).expectedRevision).toBe(3);
    expect(commandHeaders(withHeaders({ "if-match": "3" })).expectedRevision).toBe(3);
  });

  it("refuses a weak ETag, which could never match (RFC 9110 compares If-Match strongly): 400", () => {
    expect(refusal({ "if-match": 'W/"3"' }).extensions.errors).toEqual([
      { path: "header.If-Match", message: 'a stream revision as a strong ETag, e.g. "3"' },
    ]);
  });

  it("names a malformed header by its canonical name", () => {
    expect(refusal({ "if-match": "three", "idempotency-key": "with space" }).extensions.errors).toEqual([
      { path: "header.Idempotency-Key", message: "1 to 200 visible ASCII characters" },
      { path: "header.If-Match", message: 'a stream revision as a strong ETag, e.g. "3"' },
    ]);
  });
});

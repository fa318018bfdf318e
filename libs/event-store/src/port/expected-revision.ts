/**
 * What the writer believes about the stream it appends to. `revision` is the 0-based
 * revision of the stream's last event as the writer read it.
 */
export type ExpectedRevision =
  | { readonly kind: "no-stream" }
  | { readonly kind: "exists" }
  | { readonly kind: "any" }
  | { readonly kind: "revision"; readonly revision: number };

/** The stream's current last revision, or "no-stream" when it has no events. */
export type ActualRevision = number | "no-stream";

export const ExpectedRevision = {
  noStream: { kind: "no-stream" } as ExpectedRevision,
  exists: { kind: "exists" } as ExpectedRevision,
  any: { kind: "any" } as ExpectedRevision,
  at: (revision: number): ExpectedRevision => ({ kind: "revision", revision }),
  /** The expectation that matches a stream exactly as it was read. */
  fromActual: (actual: ActualRevision): ExpectedRevision =>
    actual === "no-stream" ? ExpectedRevision.noStream : ExpectedRevision.at(actual),
} as const;

export const isSatisfied = (expected: ExpectedRevision, actual: ActualRevision): boolean => {
  switch (expected.kind) {
    case "any":
      return true;
    case "no-stream":
      return actual === "no-stream";
    case "exists":
      return actual !== "no-stream";
    case "revision":
      return actual === expected.revision;
    default:
      return assertNever(expected);
  }
};

export const describeExpected = (expected: ExpectedRevision): string =>
  expected.kind === "revision" ? String(expected.revision) : expected.kind;

function assertNever(value: never): never {
  throw new Error(`Unexpected expected-revision ${JSON.stringify(value)}`);
}

import { CLAUSE_KINDS, numberedInOrder } from "./initiative/mandate-clauses.js";

/**
 * Steps that bring an old stored payload to today's shape, applied on every read
 * (structurally the event store's Upcaster). When an event's schema changes: raise its
 * schemaVersion in the stream's events.ts and add a step here from the old version; the
 * stored events, and the hashes over them, stay as they were written.
 */
export interface UpcastStep {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

type Payload = Record<string, unknown>;

/** Each term list of `terms` that is present, its strings turned into clauses by `toClauses`. */
const withClauses = (terms: Payload, toClauses: (kind: (typeof CLAUSE_KINDS)[number], texts: string[]) => unknown) => {
  const upcast: Payload = { ...terms };
  for (const kind of CLAUSE_KINDS) if (Array.isArray(terms[kind])) upcast[kind] = toClauses(kind, terms[kind] as string[]);
  return upcast;
};

export const upcasters: ReadonlyArray<UpcastStep> = [
  // Issue #11: a grant's clauses are numbered in order, from the grant alone.
  { type: "MandateGranted", fromVersion: 1, upcast: (data) => withClauses(data as Payload, numberedInOrder) },
  // An amendment's ids depend on the terms before it, which one event does not hold: its
  // clauses come without ids, and every fold numbers them as the decider would have
  // (numberedChanges, libs/domain/src/initiative/mandate-terms.ts).
  {
    type: "MandateAmended",
    fromVersion: 1,
    upcast: (data) => {
      const { changes, ...rest } = data as Payload;
      return { ...rest, changes: withClauses(changes as Payload, (_kind, texts) => texts.map((text) => ({ text }))) };
    },
  },
];

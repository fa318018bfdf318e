import type { Position } from "@eventstore/db-client";

/**
 * Global positions over EventStoreDB. Every append is one transaction whose events share
 * the $all commit position, so a commit position alone does not tell its events apart.
 * Our position is the commit position times EVENTS_PER_COMMIT plus the event's index in
 * its append, which the adapter records in the event's metadata: strictly increasing in
 * $all order, and exact to resume from. It stays below 2^53 for logs up to 9 TB.
 */
export const EVENTS_PER_COMMIT = 1_000;

export const toPosition = (commit: bigint, indexInAppend: number): number => {
  if (indexInAppend < 0 || indexInAppend >= EVENTS_PER_COMMIT) throw new RangeError(`Index ${indexInAppend} in an append`);
  const position = Number(commit) * EVENTS_PER_COMMIT + indexInAppend;
  if (!Number.isSafeInteger(position)) throw new RangeError(`Commit position ${commit} is beyond what a position can hold`);
  return position;
};

export interface ReadStart {
  /** Where the transaction holding the position begins in $all. */
  readonly from: Position;
  readonly commit: bigint;
  /** Events of that transaction to pass over before the requested one. */
  readonly skip: number;
}

/**
 * Where to read $all from to get the event at `position` and everything after it. An
 * implicit transaction's first event is recorded at its commit position.
 */
export const readStart = (position: number): ReadStart => {
  const commit = BigInt(Math.floor(position / EVENTS_PER_COMMIT));
  return { from: { commit, prepare: commit }, commit, skip: position % EVENTS_PER_COMMIT };
};

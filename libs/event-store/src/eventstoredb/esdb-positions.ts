import type { Position } from "@eventstore/db-client";

/**
 * Global positions over EventStoreDB/KurrentDB. The server writes every event of an
 * implicit transaction (one append) as a committed record of its own, so in $all each
 * event's commit and prepare positions are both its own log position
 * (src/KurrentDB.Core/Services/Storage/ReaderIndex/AllReader.cs:
 * `new CommitEventRecord(eventRecord, prepare.LogPosition)`): the events of one append do
 * not share a commit position, and every event's commit position is where its record
 * starts, the one kind of place a read of $all may start from (a read from inside a record
 * is refused as an invalid position, StorageReaderWorker.All.cs).
 *
 * Our position is that commit position times POSITION_SCALE plus the event's index in its
 * append (kept in its metadata). The index no longer tells anything apart, but every
 * position already handed out (checkpoints, Log-Position answers) is in this form, so it
 * stays. It stays below 2^53 for logs up to 9 TB.
 */
export const POSITION_SCALE = 1_000;

/**
 * The most events one append may hold. A read from `position + 1` (how every reader
 * resumes) starts at the record `floor((position + 1) / POSITION_SCALE)`, which is the
 * event's own record only while its index is below POSITION_SCALE - 1: after an event at
 * index 999 it would be the byte after that record's start, inside the record, and the
 * server refuses the read.
 */
export const MAX_EVENTS_PER_APPEND = POSITION_SCALE - 1;

export const toPosition = (commit: bigint, indexInAppend: number): number => {
  if (indexInAppend < 0 || indexInAppend >= MAX_EVENTS_PER_APPEND) throw new RangeError(`Index ${indexInAppend} in an append`);
  const position = Number(commit) * POSITION_SCALE + indexInAppend;
  if (!Number.isSafeInteger(position)) throw new RangeError(`Commit position ${commit} is beyond what a position can hold`);
  return position;
};

/**
 * Where in $all to read from to get the event at `position` and everything after it: the
 * start of that event's record. Events before `position` in the same record cannot exist
 * (one event per record), so nothing needs skipping beyond the events with smaller
 * positions a reader drops anyway.
 */
export const readStart = (position: number): Position => {
  const commit = BigInt(Math.floor(position / POSITION_SCALE));
  return { commit, prepare: commit };
};

/**
 * A position the server did not know. It sends -1 as the largest unsigned value
 * (Position.FromInt64 in Streams.Read.cs), and a field it left unset reads as 0 in the
 * client (convertGrpcEvent.js makes a position object of whatever the fields hold). No
 * event of ours is at 0: the log begins with the server's own records.
 */
export const isKnownPosition = (position: Position | undefined): position is Position =>
  position !== undefined && position.commit > 0n && position.commit < 2n ** 63n;

/** An event of ours that came without its place in $all; not yet indexed there, so worth asking again. */
export class PositionNotKnown extends Error {
  constructor(readonly streamId: string) {
    super(`the server did not report the $all position of an event in ${streamId}`);
  }
}

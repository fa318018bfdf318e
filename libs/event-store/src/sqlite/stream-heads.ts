import type Database from "better-sqlite3";
import type { StreamHead } from "../integrity/hash-chain.js";

/**
 * The last revision of every stream, in memory, as of `syncedPosition`: whether a stream
 * exists and what revision it is at, without a query per command. Loaded on the first
 * write (readers never pay for it), then kept current with this process's own appends;
 * appends by another process (the CLI) are pulled in whenever this process writes, so an
 * expected-revision check never uses a stale head, and otherwise on each refresh tick.
 * Only revisions are held (a few dozen bytes a stream); the hash to chain to is read when
 * a stream is appended to.
 */
export class StreamHeads {
  private readonly revisions = new Map<string, number>();
  private loaded = false;
  private synced = 0;
  private dataVersion = 0;
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly readHeadPosition: () => number,
  ) {
    this.statements = {
      all: db.prepare<[], { stream_id: string; revision: number }>(
        "SELECT stream_id, max(revision) AS revision FROM events GROUP BY stream_id",
      ),
      after: db.prepare<[number], { stream_id: string; revision: number }>(
        "SELECT stream_id, revision FROM events WHERE position > ? ORDER BY position",
      ),
      hash: db.prepare<[string, number], string>("SELECT hash FROM events WHERE stream_id = ? AND revision = ?").pluck(),
      dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
    };
  }

  /** False until the first write: readers then ask the log itself. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** The stream's last revision; only meaningful once loaded. */
  revisionOf(streamId: string): number | undefined {
    return this.revisions.get(streamId);
  }

  /** Inside a write transaction: load once, then pull in what another process appended since. */
  sync(headPosition: number): void {
    if (!this.loaded) {
      this.dataVersion = this.statements.dataVersion.get() ?? 0;
      for (const row of this.statements.all.iterate()) this.revisions.set(row.stream_id, row.revision);
      this.synced = headPosition;
      this.loaded = true;
      return;
    }
    if (headPosition === this.synced) return;
    for (const row of this.statements.after.iterate(this.synced)) this.revisions.set(row.stream_id, row.revision);
    this.synced = headPosition;
  }

  /** The head of a stream as stored, for chaining the next event to it. */
  headOf(streamId: string): StreamHead | undefined {
    const revision = this.revisions.get(streamId);
    if (revision === undefined) return undefined;
    return { revision, hash: this.statements.hash.get(streamId, revision)! };
  }

  /** After a commit of ours: the heads it wrote and the position it reached. */
  committed(written: ReadonlyMap<string, StreamHead>, position: number): void {
    for (const [streamId, head] of written) this.revisions.set(streamId, head.revision);
    this.synced = position;
  }

  /** Cheap check for other writers, for idle periods in which this process writes nothing. */
  refreshIfChanged(): void {
    if (!this.loaded) return;
    const version = this.statements.dataVersion.get() ?? 0;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.db.transaction(() => this.sync(this.readHeadPosition()))();
  }
}

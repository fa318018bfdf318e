import type Database from "better-sqlite3";

export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

interface HeadRow {
  readonly stream_id: string;
  readonly revision: number;
  readonly hash: string;
}

/**
 * The last revision and hash of every stream, in memory, as of `syncedPosition`. It saves
 * a query per command (does the stream exist? what does it chain to?). This process keeps
 * it current with its own appends; appends by another process (the CLI) are pulled in
 * whenever this process writes, so an expected-revision check never uses a stale head,
 * and otherwise within `refreshIntervalMs`.
 */
export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();
  private synced = 0;
  private dataVersion: number;
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      all: db.prepare<[], HeadRow>(
        // SQLite returns the bare columns of the row that holds max(revision).
        "SELECT stream_id, max(revision) AS revision, hash FROM events GROUP BY stream_id",
      ),
      after: db.prepare<[number], HeadRow>(
        "SELECT stream_id, revision, hash FROM events WHERE position > ? ORDER BY position",
      ),
      maxPosition: db.prepare<[], { position: number | null }>("SELECT max(position) AS position FROM events"),
      dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
    };
    this.dataVersion = this.statements.dataVersion.get() ?? 0;
    db.transaction(() => {
      for (const row of this.statements.all.iterate()) this.remember(row);
      this.synced = this.statements.maxPosition.get()?.position ?? 0;
    })();
  }

  get syncedPosition(): number {
    return this.synced;
  }

  get(streamId: string): StreamHead | undefined {
    return this.heads.get(streamId);
  }

  /** Inside a write transaction: pull in whatever another process appended since our last sync. */
  catchUp(headPosition: number): void {
    if (headPosition === this.synced) return;
    for (const row of this.statements.after.iterate(this.synced)) this.remember(row);
    this.synced = headPosition;
  }

  /** After a commit of ours: the heads it wrote and the position it reached. */
  committed(written: ReadonlyMap<string, StreamHead>, position: number): void {
    for (const [streamId, head] of written) this.heads.set(streamId, head);
    this.synced = position;
  }

  private remember(row: HeadRow): void {
    this.heads.set(row.stream_id, { revision: row.revision, hash: row.hash });
  }

  /** Cheap check for other writers, for idle periods in which this process writes nothing. */
  refreshIfChanged(): void {
    const version = this.statements.dataVersion.get() ?? 0;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.db.transaction(() => this.catchUp(this.statements.maxPosition.get()?.position ?? 0))();
  }
}

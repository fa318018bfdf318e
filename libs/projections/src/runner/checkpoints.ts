import type Database from "better-sqlite3";

export interface ProjectionFailure {
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly message: string;
}

export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  /** The last log position applied (0: nothing yet). */
  readonly position: number;
  readonly status: "running" | "stopped";
  readonly failure?: ProjectionFailure;
}

/**
 * The last event any projection of the database applied, by position and hash: what ties
 * the read models to the log they were built from. A log restored from an older backup, or
 * another log (two servers given one MANDAT_READ_MODELS_PATH), has no event at that
 * position, or another one, whose hash (over its id among the rest) differs
 * (ProjectionRunner.start).
 */
export interface LogAnchor {
  readonly position: number;
  readonly hash: string;
}

interface CheckpointRow {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  readonly position: number;
  readonly status: "running" | "stopped";
  readonly failure: string | null;
}

/**
 * One row per read model in the read-model database itself, written in the same
 * transaction as the rows an event changed: a crash can neither apply an event twice nor
 * skip one.
 */
export class Checkpoints {
  private readonly statements;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      generation INTEGER NOT NULL,
      position INTEGER NOT NULL,
      status TEXT NOT NULL,
      failure TEXT
    ) STRICT`);
    db.exec(`CREATE TABLE IF NOT EXISTS read_model_log_anchor (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      position INTEGER NOT NULL,
      hash TEXT NOT NULL
    ) STRICT`);
    this.statements = {
      get: db.prepare<[string], CheckpointRow>("SELECT * FROM projection_checkpoints WHERE name = ?"),
      all: db.prepare<[], CheckpointRow>("SELECT * FROM projection_checkpoints ORDER BY name"),
      put: db.prepare(
        "INSERT OR REPLACE INTO projection_checkpoints (name, version, generation, position, status, failure) VALUES (@name, @version, @generation, @position, @status, @failure)",
      ),
      advance: db.prepare("UPDATE projection_checkpoints SET position = ? WHERE name = ?"),
      anchor: db.prepare<[], LogAnchor>("SELECT position, hash FROM read_model_log_anchor"),
      anchorAt: db.prepare(
        `INSERT INTO read_model_log_anchor (id, position, hash) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position, hash = excluded.hash WHERE excluded.position > position`,
      ),
      dropAnchor: db.prepare("DELETE FROM read_model_log_anchor"),
    };
  }

  /** Where the read models stand in the log they were built from (undefined before any event). */
  logAnchor(): LogAnchor | undefined {
    return this.statements.anchor.get();
  }

  /** Called with the last event of every batch committed: the anchor only moves forward. */
  anchorAt(event: { readonly position: number; readonly metadata: { readonly hash: string } }): void {
    this.statements.anchorAt.run(event.position, event.metadata.hash);
  }

  /** The read models start again from nothing (ProjectionRunner.start). */
  dropAnchor(): void {
    this.statements.dropAnchor.run();
  }

  get(name: string): Checkpoint | undefined {
    const row = this.statements.get.get(name);
    return row && toCheckpoint(row);
  }

  all(): Checkpoint[] {
    return this.statements.all.all().map(toCheckpoint);
  }

  put(checkpoint: Checkpoint): void {
    this.statements.put.run({ ...checkpoint, failure: checkpoint.failure ? JSON.stringify(checkpoint.failure) : null });
  }

  advance(name: string, position: number): void {
    this.statements.advance.run(position, name);
  }
}

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  name: row.name,
  version: row.version,
  generation: row.generation,
  position: row.position,
  status: row.status,
  ...(row.failure ? { failure: JSON.parse(row.failure) as ProjectionFailure } : {}),
});

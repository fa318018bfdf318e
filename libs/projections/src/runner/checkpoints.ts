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
    this.statements = {
      get: db.prepare<[string], CheckpointRow>("SELECT * FROM projection_checkpoints WHERE name = ?"),
      all: db.prepare<[], CheckpointRow>("SELECT * FROM projection_checkpoints ORDER BY name"),
      put: db.prepare(
        "INSERT OR REPLACE INTO projection_checkpoints (name, version, generation, position, status, failure) VALUES (@name, @version, @generation, @position, @status, @failure)",
      ),
      advance: db.prepare("UPDATE projection_checkpoints SET position = ? WHERE name = ?"),
    };
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

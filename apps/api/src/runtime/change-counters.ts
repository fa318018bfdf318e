import Database from "better-sqlite3";

/**
 * SQLite's own change counters of the databases a read is made from, for caches to be
 * keyed by: `PRAGMA data_version` on a connection differs from its last value whenever
 * another connection, of this process or of another one, has committed to the database
 * since. The read models are asked on the read-only connection every query uses (only the
 * runner's connection, or `mandat rebuild`'s, writes them); the key store and the embedded
 * log each on a read-only connection of their own (the store's own connection writes them,
 * or another process's). Each costs about a microsecond, where asking the log for its head
 * through the Effect runtime costs tens.
 */
export class ChangeCounters {
  private readonly readModelsVersion: Database.Statement<[], number>;
  private readonly keysVersion: Database.Statement<[], number>;
  private readonly logVersion: Database.Statement<[], number> | undefined;

  private constructor(
    readModels: Database.Database,
    private readonly own: ReadonlyArray<Database.Database>,
  ) {
    const [keys, log] = own;
    this.readModelsVersion = dataVersion(readModels);
    this.keysVersion = dataVersion(keys!);
    this.logVersion = log && dataVersion(log);
  }

  /**
   * Over the read models' query connection, and connections of their own to the key store
   * and, when the log is the embedded one, to the log (both must exist).
   */
  static open(readModels: Database.Database, paths: { readonly keys: string; readonly embeddedLog?: string }): ChangeCounters {
    const own = [paths.keys, ...(paths.embeddedLog === undefined ? [] : [paths.embeddedLog])].map(
      (path) => new Database(path, { readonly: true, fileMustExist: true }),
    );
    return new ChangeCounters(readModels, own);
  }

  /**
   * Changes whenever an event may have been appended to the log, by any process; undefined
   * when the log is not the embedded one (its head position says as much, asked of the store).
   */
  log(): number | undefined {
    return this.logVersion?.get();
  }

  /** Changes whenever the read models' content may have: a batch applied, a rebuild swapped in. */
  readModels(): number {
    return this.readModelsVersion.get()!;
  }

  /** Changes whenever a person's key may have been stored or deleted (an erasure). */
  keys(): number {
    return this.keysVersion.get()!;
  }

  /**
   * Before the stores' own connections close: SQLite removes a database's write-ahead log
   * only when its last connection closes, and these, being read-only, could not.
   */
  close(): void {
    for (const connection of this.own) connection.close();
  }
}

const dataVersion = (connection: Database.Database) => connection.prepare<[], number>("PRAGMA data_version").pluck();

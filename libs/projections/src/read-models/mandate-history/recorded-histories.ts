import { type MandateHistoryRow, type RecordedMandateEvent, mandateHistoryRows } from "#domain";
import type Database from "better-sqlite3";
import { prepared } from "../../runner/prepared.js";
import { mandateHistoryProjection } from "./projection.js";
import { VERSION_COLUMNS, type VersionColumns, recordedMandateEvents, versionRow } from "./version-row.js";

/**
 * Where an initiative's rows of `mandate_versions` stand: the generation in service, and the
 * last position of the initiative's rows. The projection only ever inserts rows, each at its
 * event's position, in log order (projection.ts), so a row added to the initiative moves
 * `last`, and a rebuild (even to the same rows) moves `generation`, whichever connection or
 * process wrote them. Both are read from an index and the checkpoint: microseconds.
 */
interface Standing {
  readonly generation: number | null;
  readonly last: number;
}

/**
 * What a connection keeps at most: the histories of so many initiatives and events, about
 * 0.6 KB each (the least recently read go first; the one being read stays, however long),
 * and so many rows of mandates' first events with their versions (`firstRows`), about 1.3 KB
 * each (past it, every history forgets them): some 40 MB in all.
 */
const LIMITS = { initiatives: 8, events: 20_000, rows: 20_000 };

/** One mandate's events as recorded, in log order, and its history rows as known after its first k of them. */
interface MandateEvents {
  readonly events: RecordedMandateEvent[];
  /** The latest recordedAt among its first k + 1 events: they were all recorded by an instant on or after it. */
  readonly latestRecordedAt: string[];
  readonly firstRows: Map<number, MandateHistoryRow[]>;
}

/**
 * An initiative's mandate events, parsed once from its rows and kept while the rows stand
 * where they stood (`Standing`). The history as known at any instant is read from them: the
 * events recorded by then are, for each mandate, its first k events (the log records in
 * order), and the rows those give (`mandateHistoryRows`, a mandate's rows depending on its
 * own events alone) are kept per mandate and k, so an asOf read of a long history assembles
 * rows rather than reading, parsing and folding them all again.
 */
export class RecordedHistory {
  private readonly events: RecordedMandateEvent[] = [];
  private readonly mandateOf: MandateEvents[] = [];
  private readonly mandates = new Map<string, MandateEvents>();

  /** `makeRoom` is told how many rows it is about to keep, before it keeps them. */
  constructor(
    public standing: Standing,
    private readonly makeRoom: (rows: number) => void = () => undefined,
  ) {}

  get eventCount(): number {
    return this.events.length;
  }

  /** Every mandate of the initiative, whichever instant its history is read as of. */
  get mandateIds(): string[] {
    return [...this.mandates.keys()];
  }

  /** Takes the events of rows added after the ones it holds, in log order. */
  append(added: ReadonlyArray<RecordedMandateEvent>, standing: Standing): void {
    for (const recorded of added) {
      const mandateId = recorded.event.data.mandateId;
      let mandate = this.mandates.get(mandateId);
      if (!mandate) this.mandates.set(mandateId, (mandate = { events: [], latestRecordedAt: [], firstRows: new Map() }));
      const before = mandate.latestRecordedAt.at(-1);
      mandate.latestRecordedAt.push(before !== undefined && before > recorded.recordedAt ? before : recorded.recordedAt);
      mandate.events.push(recorded);
      this.events.push(recorded);
      this.mandateOf.push(mandate);
    }
    this.standing = standing;
  }

  /** The rows of the events recorded by `asOf` (all of them when undefined), as `mandateHistoryRows` reads them. */
  rowsAsOf(asOf: string | undefined): MandateHistoryRow[] {
    const known: number[] = [];
    for (let i = 0; i < this.events.length; i++) if (asOf === undefined || this.events[i]!.recordedAt <= asOf) known.push(i);
    const counts = new Map<MandateEvents, number>();
    for (const i of known) counts.set(this.mandateOf[i]!, (counts.get(this.mandateOf[i]!) ?? 0) + 1);
    const rows = new Map<MandateEvents, { readonly rows: MandateHistoryRow[]; taken: number }>();
    for (const [mandate, k] of counts) {
      // A log whose recordedAt went back: some mandate's known events are not its first ones.
      if (asOf !== undefined && mandate.latestRecordedAt[k - 1]! > asOf)
        return mandateHistoryRows(known.map((i) => this.events[i]!));
      rows.set(mandate, { rows: this.firstRows(mandate, k), taken: 0 });
    }
    return known.map((i) => {
      const ofMandate = rows.get(this.mandateOf[i]!)!;
      return ofMandate.rows[ofMandate.taken++]!;
    });
  }

  private firstRows(mandate: MandateEvents, k: number): MandateHistoryRow[] {
    let rows = mandate.firstRows.get(k);
    if (rows) return rows;
    rows = mandateHistoryRows(mandate.events.slice(0, k));
    this.makeRoom(k);
    mandate.firstRows.set(k, rows);
    return rows;
  }

  /** Forgets the rows it kept (not the events): they are read again as asked. */
  forgetRows(): void {
    for (const mandate of this.mandates.values()) mandate.firstRows.clear();
  }
}

/** The histories one connection keeps, within LIMITS. */
class RecordedHistories {
  private readonly histories = new Map<string, RecordedHistory>();
  private keptRows = 0;

  /** The initiative's history, read from the table only as far as it is not kept already. */
  historyOf(db: Database.Database, initiativeId: string): RecordedHistory {
    const standing = standingOf(db, initiativeId);
    let history = this.histories.get(initiativeId);
    if (history && (history.standing.generation !== standing.generation || history.standing.last !== standing.last)) {
      // Rows were added after the last one kept: only those are read. A rebuild is read afresh.
      const { generation, last } = history.standing;
      const added = generation === standing.generation && last < standing.last ? rowsAfter(db, initiativeId, last) : [];
      if (added.length > 0) history.append(recordedMandateEvents(added), standing);
      else history = undefined;
    }
    if (!history) {
      history = new RecordedHistory(standing, (rows) => this.makeRoom(rows));
      history.append(recordedMandateEvents(rowsAfter(db, initiativeId, 0)), standing);
    }
    // Most recently read last: a Map keeps its keys in the order they were set.
    this.histories.delete(initiativeId);
    this.histories.set(initiativeId, history);
    let events = 0;
    for (const kept of this.histories.values()) events += kept.eventCount;
    for (const [oldest, kept] of this.histories) {
      if (kept === history || (this.histories.size <= LIMITS.initiatives && events <= LIMITS.events)) break;
      this.histories.delete(oldest);
      events -= kept.eventCount;
    }
    return history;
  }

  private makeRoom(rows: number): void {
    // Rows of histories no longer kept count until then: this forgets early, never late.
    if (this.keptRows + rows > LIMITS.rows) {
      for (const history of this.histories.values()) history.forgetRows();
      this.keptRows = 0;
    }
    this.keptRows += rows;
  }
}

const kept = new WeakMap<Database.Database, RecordedHistories>();

/**
 * The initiative's recorded history on this connection. Call it inside the read's snapshot
 * (`inOneSnapshot`), so that the standing it checks is that of the rows the rest of the read sees.
 */
export function recordedHistory(db: Database.Database, initiativeId: string): RecordedHistory {
  let histories = kept.get(db);
  if (!histories) kept.set(db, (histories = new RecordedHistories()));
  return histories.historyOf(db, initiativeId);
}

function standingOf(db: Database.Database, initiativeId: string): Standing {
  return prepared<[string, string], Standing>(
    db,
    `SELECT (SELECT generation FROM projection_checkpoints WHERE name = ?) AS generation,
       coalesce(max(position), 0) AS last
     FROM mandate_versions WHERE initiative_id = ?`,
  ).get(mandateHistoryProjection.name, initiativeId)!;
}

/**
 * The initiative's rows after position `after`, in log order. A history reads hundreds of
 * rows: read as arrays (raw) and made into rows here, which costs a fraction of
 * better-sqlite3 building an object per row column by column.
 */
function rowsAfter(db: Database.Database, initiativeId: string, after: number) {
  const statement = prepared<[string, number], VersionColumns>(
    db,
    `SELECT ${VERSION_COLUMNS.join(", ")} FROM mandate_versions
     WHERE initiative_id = ? AND position > ? ORDER BY position`,
  );
  return (statement.raw(true) as unknown as Database.Statement<[string, number], VersionColumns>)
    .all(initiativeId, after)
    .map((values) => versionRow(initiativeId, values));
}

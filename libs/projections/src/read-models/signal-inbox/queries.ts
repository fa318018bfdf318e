import {
  type IsoDate,
  type MandatePosition,
  type SignalFollowUp,
  type SignalKind,
  type SignalOutcome,
  endOfStockholmDay,
} from "#domain";
import type Database from "better-sqlite3";
import {
  type Page,
  type PageRequest,
  type SortColumn,
  WHOLE_LIST,
  keysetSql,
  orderBySql,
  pageOfRows,
} from "../../runner/pagination.js";
import { groupBy } from "../../runner/group-by.js";
import { prepared } from "../../runner/prepared.js";

export type SignalStatus = "submitted" | "acknowledged" | "answered" | "withdrawn";

export interface SignalView {
  readonly id: string;
  readonly initiativeId: string;
  readonly kind: SignalKind;
  readonly summary: string;
  readonly detail: string | null;
  readonly mandatePosition: MandatePosition;
  readonly mandateId: string | null;
  /** The clause of that mandate the signal cites; null for none. */
  readonly clauseId: string | null;
  readonly observedOn: IsoDate;
  readonly status: SignalStatus;
  readonly submittedAt: string;
  readonly acknowledgedOn: IsoDate | null;
  readonly answeredAt: string | null;
  readonly outcome: SignalOutcome | null;
  readonly response: string | null;
  readonly followUp: SignalFollowUp | null;
}

export interface ListSignalsOptions {
  /** `unanswered`: submitted or acknowledged, neither answered nor withdrawn (the inbox). */
  readonly status?: "unanswered" | "answered";
  readonly initiativeId?: string;
  /** Only the signals citing this clause (of any mandate; with `initiativeId`, of that initiative's). */
  readonly clauseId?: string;
  readonly asOf?: string;
}

type SignalRow = Omit<SignalView, "followUp"> & { readonly followUp: string | null };

/** A signal still waiting for its answer, as the initiative overview lists it. */
export interface UnansweredSignal {
  readonly id: string;
  readonly kind: SignalKind;
  readonly summary: string;
  readonly mandatePosition: MandatePosition;
  readonly observedOn: IsoDate;
}

/**
 * Signals submitted by `asOf`, each with what was known of it then: its status and, once
 * acknowledged or answered by then, those steps.
 */
const knownSignals = `WITH known AS (
  SELECT *,
    CASE
      WHEN withdrawn_at <= coalesce(@asOf, withdrawn_at) THEN 'withdrawn'
      WHEN answered_at <= coalesce(@asOf, answered_at) THEN 'answered'
      WHEN acknowledged_at <= coalesce(@asOf, acknowledged_at) THEN 'acknowledged'
      ELSE 'submitted'
    END AS status
  FROM signals
  WHERE submitted_at <= coalesce(@asOf, submitted_at)
)`;

const oldestFirst: ReadonlyArray<SortColumn> = [{ sql: "submitted_position" }];
const filters = {
  unanswered: { where: "status IN ('submitted', 'acknowledged')", order: oldestFirst },
  answered: {
    where: "status = 'answered'",
    order: [
      { sql: "answered_at", descending: true },
      { sql: "submitted_position", descending: true },
    ],
  },
  all: { where: "1", order: oldestFirst },
} as const satisfies Record<string, { where: string; order: ReadonlyArray<SortColumn> }>;

/** The inbox (`unanswered`, oldest first), the answered signals (newest answer first) or all of them (oldest first). */
export function listSignals(db: Database.Database, options: ListSignalsOptions = {}): ReadonlyArray<SignalView> {
  return signalPage(db, { ...options, page: WHOLE_LIST }).items;
}

/** A page of `listSignals`. */
export function signalPage(
  db: Database.Database,
  options: ListSignalsOptions & { readonly page: PageRequest },
): Page<SignalView> {
  const { where, order } = filters[options.status ?? "all"];
  const page = keysetSql(order, options.page);
  // Spelled with the initiative or without: an optional filter (`= coalesce(@initiativeId, ...)`)
  // would keep SQLite from looking the initiative's signals up by its index.
  const ofInitiative = options.initiativeId === undefined ? "" : "AND initiative_id = @initiativeId";
  const ofClause = options.clauseId === undefined ? "" : "AND clause_id = @clauseId";
  const rows = prepared<Record<string, unknown>, SignalRow & { submitted_position: number; answered_at: string | null }>(
    db,
    `${knownSignals}
     SELECT submitted_position, answered_at,
       signal_id AS id, initiative_id AS initiativeId, kind, summary, detail, mandate_position AS mandatePosition,
       mandate_id AS mandateId, clause_id AS clauseId, observed_on AS observedOn, status, submitted_at AS submittedAt,
       CASE WHEN acknowledged_at <= coalesce(@asOf, acknowledged_at) THEN acknowledged_on END AS acknowledgedOn,
       CASE WHEN status = 'answered' THEN answered_at END AS answeredAt,
       CASE WHEN status = 'answered' THEN outcome END AS outcome,
       CASE WHEN status = 'answered' THEN response END AS response,
       CASE WHEN status = 'answered' THEN follow_up END AS followUp
     FROM known
     WHERE ${where} ${ofInitiative} ${ofClause} AND ${page.where}
     ${page.orderBy} ${page.limit}`,
  ).all({
    asOf: options.asOf ?? null,
    initiativeId: options.initiativeId ?? null,
    clauseId: options.clauseId ?? null,
    ...page.params,
  });
  const keyOf = (row: (typeof rows)[number]) =>
    options.status === "answered" ? [row.answered_at!, row.submitted_position] : [row.submitted_position];
  const { items, nextAfter } = pageOfRows(rows, options.page, keyOf);
  return {
    items: items.map(({ submitted_position: _, answered_at: __, ...row }) => ({
      ...row,
      followUp: row.followUp === null ? null : (JSON.parse(row.followUp) as SignalFollowUp),
    })),
    nextAfter,
  };
}

/**
 * The initiative's signals unanswered on `at` as known at `asOf`, oldest first: observed by
 * `at`, and neither answered nor withdrawn by then. An answer or a withdrawal carries no
 * date of its own: it takes effect on the day (in Stockholm) it was recorded.
 */
export function unansweredSignals(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly at: IsoDate },
): UnansweredSignal[] {
  return prepared<{ initiativeId: string; asOf: string | null; at: IsoDate; endOfAt: string }, UnansweredSignal>(
    db,
    `${knownSignals}
     SELECT signal_id AS id, kind, summary, mandate_position AS mandatePosition, observed_on AS observedOn
     FROM known
     WHERE initiative_id = @initiativeId AND observed_on <= @at
       AND (${filters.unanswered.where}
         OR (status = 'answered' AND answered_at > @endOfAt) OR (status = 'withdrawn' AND withdrawn_at > @endOfAt))
     ${orderBySql(filters.unanswered.order)}`,
  ).all({ initiativeId, asOf: options.asOf ?? null, at: options.at, endOfAt: endOfStockholmDay(options.at) });
}

/** How many signals stand at each position towards one clause. */
export type PositionCounts = Readonly<Record<MandatePosition, number>>;

/**
 * The signals citing each clause of a mandate, counted by where they stand (within, at the
 * edge, beyond): those submitted by `asOf` and not withdrawn by then, observed from `from`
 * through `until` (either may be open). Clauses no signal cites are absent.
 */
export function signalsPerClause(
  db: Database.Database,
  mandateId: string,
  options: { readonly asOf?: string; readonly from?: IsoDate; readonly until?: IsoDate },
): ReadonlyMap<string, PositionCounts> {
  return countsPerClause(clauseCitations(db, [mandateId], options).get(mandateId) ?? [], options);
}

/** Signals citing one clause from one position, observed on one day: what `countsPerClause` adds up. */
export interface ClauseCitations {
  readonly clauseId: string;
  readonly position: MandatePosition;
  readonly observedOn: IsoDate;
  readonly signals: number;
}

/**
 * The signals citing a clause of each of `mandateIds`, submitted by `asOf` and not withdrawn
 * by then, by mandate and counted per clause, position and day observed: one read for a whole
 * mandate history, whose versions each count their own window (`countsPerClause`).
 */
export function clauseCitations(
  db: Database.Database,
  mandateIds: ReadonlyArray<string>,
  options: { readonly asOf?: string },
): ReadonlyMap<string, ReadonlyArray<ClauseCitations>> {
  const rows = prepared<{ mandateIds: string; asOf: string | null }, ClauseCitations & { mandateId: string }>(
    db,
    `${knownSignals}
     SELECT mandate_id AS mandateId, clause_id AS clauseId, mandate_position AS position, observed_on AS observedOn,
       count(*) AS signals
     FROM known
     WHERE mandate_id IN (SELECT value FROM json_each(@mandateIds)) AND clause_id IS NOT NULL AND status <> 'withdrawn'
     GROUP BY mandate_id, clause_id, mandate_position, observed_on`,
  ).all({ mandateIds: JSON.stringify(mandateIds), asOf: options.asOf ?? null });
  return groupBy(rows, ({ mandateId, ...citations }) => [mandateId, citations]);
}

/** `signalsPerClause` of the citations observed from `from` through `until` (either may be open). */
export function countsPerClause(
  citations: ReadonlyArray<ClauseCitations>,
  window: { readonly from?: IsoDate; readonly until?: IsoDate },
): ReadonlyMap<string, PositionCounts> {
  const counts = new Map<string, Record<MandatePosition, number>>();
  for (const { clauseId, position, observedOn, signals } of citations) {
    if ((window.from !== undefined && observedOn < window.from) || (window.until !== undefined && observedOn > window.until))
      continue;
    const clause = counts.get(clauseId) ?? { within: 0, "at-edge": 0, beyond: 0 };
    clause[position] += signals;
    counts.set(clauseId, clause);
  }
  return counts;
}

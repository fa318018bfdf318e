import { type GoalStatus, type IsoDate, endOfStockholmDay } from "#domain";
import type Database from "better-sqlite3";
import type { GoalChange, GoalVersionRow } from "./version-row.js";
import { type Page, type PageRequest, WHOLE_LIST, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";

export interface GoalVersion {
  readonly goalId: string;
  readonly version: number;
  readonly change: GoalChange;
  readonly status: GoalStatus;
  readonly statement: string;
  readonly indicator: string | null;
  readonly targetDate: IsoDate | null;
  readonly achievedOn: IsoDate | null;
  readonly evidence: string | null;
  readonly reason: string | null;
  readonly recordedAt: string;
}

export interface ActiveGoal {
  readonly goalId: string;
  readonly statement: string;
  readonly indicator?: string;
  readonly targetDate?: IsoDate;
}

/** Every version of the initiative's goals recorded by `asOf`, oldest first. */
export function goalHistory(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string } = {},
): ReadonlyArray<GoalVersion> {
  return goalHistoryPage(db, initiativeId, { ...options, page: WHOLE_LIST }).items;
}

/** A page of `goalHistory`. */
export function goalHistoryPage(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly page: PageRequest },
): Page<GoalVersion> {
  const page = keysetSql([{ sql: "position" }], options.page);
  const rows = prepared<Record<string, unknown>, GoalVersionRow>(
    db,
    `SELECT * FROM goal_versions
       WHERE initiative_id = @initiativeId AND recorded_at <= coalesce(@asOf, recorded_at) AND ${page.where}
       ${page.orderBy} ${page.limit}`,
  ).all({ initiativeId, asOf: options.asOf ?? null, ...page.params });
  const { items, nextAfter } = pageOfRows(rows, options.page, (row) => [row.position]);
  return { items: items.map(toGoalVersion), nextAfter };
}

const toGoalVersion = (row: GoalVersionRow): GoalVersion => ({
  goalId: row.goal_id,
  version: row.version,
  change: row.change,
  status: row.status,
  statement: row.statement,
  indicator: row.indicator,
  targetDate: row.target_date,
  achievedOn: row.achieved_on,
  evidence: row.evidence,
  reason: row.reason,
  recordedAt: row.recorded_at,
});

/**
 * The goals active on `at` as known at `asOf`, in the order they were set: each goal's
 * latest version recorded by then is active, achieved only after `at`, or dropped only
 * after `at`. A drop carries no date of its own: it takes effect on the day (in Stockholm) it was recorded.
 */
export function activeGoals(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly at: IsoDate },
): ActiveGoal[] {
  const rows = prepared<{ initiativeId: string; asOf: string | null; at: IsoDate; endOfAt: string }, GoalVersionRow>(
    db,
    `SELECT goal.* FROM goal_versions goal
       JOIN (SELECT goal_id, MAX(version) AS version, MIN(position) AS set_position FROM goal_versions
             WHERE initiative_id = @initiativeId AND recorded_at <= coalesce(@asOf, recorded_at)
             GROUP BY goal_id) latest
         ON latest.goal_id = goal.goal_id AND latest.version = goal.version
       WHERE goal.status = 'active' OR (goal.status = 'achieved' AND goal.achieved_on > @at)
         OR (goal.status = 'dropped' AND goal.recorded_at > @endOfAt)
       ORDER BY latest.set_position`,
  ).all({ initiativeId, asOf: options.asOf ?? null, at: options.at, endOfAt: endOfStockholmDay(options.at) });
  return rows.map((row) => ({
    goalId: row.goal_id,
    statement: row.statement,
    ...(row.indicator === null ? {} : { indicator: row.indicator }),
    ...(row.target_date === null ? {} : { targetDate: row.target_date }),
  }));
}

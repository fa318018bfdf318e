import type Database from "better-sqlite3";
import { type Page, type PageRequest, type SortColumn, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";

export interface IndicatorReading {
  readonly readingId: string;
  readonly goalId: string;
  readonly value: number;
  readonly unit: string;
  readonly on: string;
  readonly note: string | null;
  readonly recordedAt: string;
}

/** By the day read, then as recorded: the order a goal's readings tell their course. */
const ORDER: ReadonlyArray<SortColumn> = [{ sql: "on_date" }, { sql: "position" }];

/**
 * The readings of an initiative's goal (or of all its goals) recorded by `asOf` and taken
 * on or before `at`, oldest first: one page of them.
 */
export function indicatorReadingsPage(
  db: Database.Database,
  initiativeId: string,
  options: { readonly goalId?: string; readonly asOf?: string; readonly at?: string; readonly page: PageRequest },
): Page<IndicatorReading> {
  const { where, orderBy, limit, params: pageParams } = keysetSql(ORDER, options.page);
  const params = {
    initiativeId,
    goalId: options.goalId ?? null,
    asOf: options.asOf ?? null,
    at: options.at ?? null,
    ...pageParams,
  };
  const rows = prepared<[typeof params], IndicatorReading & { position: number }>(
    db,
    `SELECT reading_id AS readingId, goal_id AS goalId, value, unit, on_date AS "on", note, recorded_at AS recordedAt, position
     FROM indicator_readings
     WHERE initiative_id = @initiativeId AND goal_id = coalesce(@goalId, goal_id)
       AND recorded_at <= coalesce(@asOf, recorded_at) AND on_date <= coalesce(@at, on_date) AND ${where}
     ${orderBy} ${limit}`,
  ).all(params);
  const page = pageOfRows(rows, options.page, (row) => [row.on, row.position]);
  return { ...page, items: page.items.map(({ position: _, ...reading }) => reading) };
}

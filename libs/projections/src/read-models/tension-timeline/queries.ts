import type { EscalationLevel, IsoDate, TensionCategory } from "#domain";
import type Database from "better-sqlite3";
import { groupBy } from "../../runner/group-by.js";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";
import { type Period, type TimelineBucket, periodsBetween } from "./periods.js";

export interface TensionPeriod {
  readonly periodStart: IsoDate;
  readonly raised: number;
  readonly resolved: number;
  /** Open at the end of the period. */
  readonly open: number;
  /** Of the tensions open at the end of the period, their intensity then; null when none is open. */
  readonly meanIntensity: number | null;
}

export interface OpenTension {
  readonly tensionId: string;
  readonly category: TensionCategory;
  readonly intensity: number;
  readonly raisedOn: IsoDate;
  readonly escalatedTo: EscalationLevel | null;
}

interface TensionSpan {
  readonly tensionId: string;
  readonly raisedOn: IsoDate;
  readonly closedAs: "resolved" | "dropped" | null;
  readonly closedOn: IsoDate | null;
}

interface IntensityFrom {
  readonly tensionId: string;
  readonly intensity: number;
  readonly onDate: IsoDate;
}

// The initiative's tensions known at `asOf` that touch the range: raised by its last day and not
// closed before its first. A closure recorded after `asOf` is not known: the tension is still open.
const tensionsInRange = `SELECT t.tension_id, t.raised_on,
    CASE WHEN t.closed_at <= coalesce(@asOf, t.closed_at) THEN t.closed_as END AS closed_as,
    CASE WHEN t.closed_at <= coalesce(@asOf, t.closed_at) THEN t.closed_on END AS closed_on
  FROM tension_initiatives ti JOIN tensions t USING (tension_id)
  WHERE ti.initiative_id = @initiativeId AND t.raised_on <= @last AND t.raised_at <= coalesce(@asOf, t.raised_at)
    AND (t.closed_on IS NULL OR t.closed_on >= @first OR t.closed_at > coalesce(@asOf, t.closed_at))`;

/**
 * Per period from the one containing `from` to the one containing `to` (empty ones
 * included): tensions of the initiative raised and resolved in it, and those open at its
 * end with their mean intensity then, all as known at `asOf`. Two queries; the bucketing
 * is done here.
 */
export function tensionTimeline(
  db: Database.Database,
  initiativeId: string,
  options: { readonly from: IsoDate; readonly to: IsoDate; readonly bucket: TimelineBucket; readonly asOf?: string },
): TensionPeriod[] {
  const periods = periodsBetween(options.from, options.to, options.bucket);
  if (periods.length === 0) return [];
  const params = { initiativeId, first: periods[0]!.start, last: periods.at(-1)!.end, asOf: options.asOf ?? null };
  return inOneSnapshot(db, () => {
    const tensions = prepared<typeof params, TensionSpan>(
      db,
      `SELECT tension_id AS tensionId, raised_on AS raisedOn, closed_as AS closedAs, closed_on AS closedOn
       FROM (${tensionsInRange})`,
    ).all(params);
    const intensities = prepared<typeof params, IntensityFrom>(
      db,
      `SELECT i.tension_id AS tensionId, i.intensity, i.on_date AS onDate
       FROM tension_intensities i JOIN (${tensionsInRange}) USING (tension_id)
       WHERE i.on_date <= @last AND i.recorded_at <= coalesce(@asOf, i.recorded_at)
       ORDER BY i.on_date, i.position`,
    ).all(params);
    return summarisePeriods(periods, tensions, intensities);
  });
}

/** `intensities` in the order they take effect: by day, then by log position. */
function summarisePeriods(
  periods: ReadonlyArray<Period>,
  tensions: ReadonlyArray<TensionSpan>,
  intensities: ReadonlyArray<IntensityFrom>,
): TensionPeriod[] {
  const historyOf = groupBy(intensities, (row) => [row.tensionId, row]);
  const within = (date: IsoDate | null, { start, end }: Period) => date !== null && start <= date && date <= end;
  return periods.map((period) => {
    const open = tensions.filter((t) => t.raisedOn <= period.end && !(t.closedOn !== null && t.closedOn <= period.end));
    // Every open tension has a level by the period's end: its raise is the first row of its history.
    const levels = open.map((t) => historyOf.get(t.tensionId)!.findLast((row) => row.onDate <= period.end)!.intensity);
    return {
      periodStart: period.start,
      raised: tensions.filter((t) => within(t.raisedOn, period)).length,
      resolved: tensions.filter((t) => t.closedAs === "resolved" && within(t.closedOn, period)).length,
      open: open.length,
      meanIntensity:
        levels.length === 0 ? null : Math.round((levels.reduce((sum, level) => sum + level, 0) / levels.length) * 100) / 100,
    };
  });
}

/**
 * The initiative's tensions raised by `at` and not closed by then, as known at `asOf`,
 * oldest first, each with its intensity and escalation level on `at`.
 */
export function openTensions(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly at: IsoDate },
): OpenTension[] {
  return prepared<{ initiativeId: string; asOf: string | null; at: IsoDate }, OpenTension>(
    db,
    `SELECT t.tension_id AS tensionId, t.category, t.raised_on AS raisedOn,
         (SELECT i.intensity FROM tension_intensities i
          WHERE i.tension_id = t.tension_id AND i.on_date <= @at AND i.recorded_at <= coalesce(@asOf, i.recorded_at)
          ORDER BY i.on_date DESC, i.position DESC LIMIT 1) AS intensity,
         (SELECT e.escalated_to FROM tension_escalations e
          WHERE e.tension_id = t.tension_id AND e.on_date <= @at AND e.recorded_at <= coalesce(@asOf, e.recorded_at)
          ORDER BY e.on_date DESC, e.position DESC LIMIT 1) AS escalatedTo
       FROM tension_initiatives ti JOIN tensions t USING (tension_id)
       WHERE ti.initiative_id = @initiativeId AND t.raised_on <= @at AND t.raised_at <= coalesce(@asOf, t.raised_at)
         AND (t.closed_on IS NULL OR t.closed_on > @at OR t.closed_at > coalesce(@asOf, t.closed_at))
       ORDER BY t.raised_on, t.raised_position`,
  ).all({ initiativeId, asOf: options.asOf ?? null, at: options.at });
}

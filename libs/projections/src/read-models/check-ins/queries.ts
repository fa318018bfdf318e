import { type IsoDate, type LeadershipNeeded, cadenceAgreedAt, checkInOverdue, nextCheckInDue } from "#domain";
import type Database from "better-sqlite3";
import { type Page, type PageRequest, WHOLE_LIST, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";

export interface CheckIn {
  readonly checkInId: string;
  readonly heldOn: IsoDate;
  readonly participants: ReadonlyArray<string>;
  readonly mandateClarity: number;
  readonly confidence: number;
  readonly leadershipNeeded: LeadershipNeeded;
  readonly notes: string;
  readonly nextCheckInOn: IsoDate | null;
  readonly recordedAt: string;
}

export interface LastCheckIn {
  readonly checkInId: string;
  readonly heldOn: IsoDate;
  readonly mandateClarity: number;
  readonly confidence: number;
  readonly leadershipNeeded: LeadershipNeeded;
}

export interface CheckInSchedule {
  readonly cadenceDays: number | null;
  readonly lastCheckIn: LastCheckIn | null;
  readonly nextCheckInDue: IsoDate | null;
  readonly checkInOverdue: boolean;
}

interface CheckInRow {
  readonly checkInId: string;
  readonly heldOn: IsoDate;
  readonly participants: string;
  readonly mandateClarity: number;
  readonly confidence: number;
  readonly leadershipNeeded: LeadershipNeeded;
  readonly notes: string;
  readonly nextCheckInOn: IsoDate | null;
  readonly recordedAt: string;
}

const checkInColumns = `check_in_id AS checkInId, held_on AS heldOn, participants, mandate_clarity AS mandateClarity,
  confidence, leadership_needed AS leadershipNeeded, notes, next_check_in_on AS nextCheckInOn, recorded_at AS recordedAt`;

/** The initiative's check-ins as known at `asOf`, in the order they were held. */
export function checkIns(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string } = {},
): ReadonlyArray<CheckIn> {
  return checkInPage(db, initiativeId, { ...options, page: WHOLE_LIST }).items;
}

/** A page of `checkIns`. */
export function checkInPage(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly page: PageRequest },
): Page<CheckIn> {
  const page = keysetSql([{ sql: "held_on" }, { sql: "position" }], options.page);
  const rows = prepared<Record<string, unknown>, CheckInRow & { position: number }>(
    db,
    `SELECT ${checkInColumns}, position FROM check_ins
       WHERE initiative_id = @initiativeId AND recorded_at <= coalesce(@asOf, recorded_at) AND ${page.where}
       ${page.orderBy} ${page.limit}`,
  ).all({ initiativeId, asOf: options.asOf ?? null, ...page.params });
  const { items, nextAfter } = pageOfRows(rows, options.page, (row) => [row.heldOn, row.position]);
  return {
    items: items.map(({ position: _, ...row }) => ({ ...row, participants: JSON.parse(row.participants) as string[] })),
    nextAfter,
  };
}

/**
 * The last check-in held by `at` and when the next one is due, as known at `asOf`
 * (`nextCheckInDue` in #domain: a date the last check-in set wins over the agreed cadence;
 * with no check-in held by `at`, the cadence counts from the day it was agreed).
 */
export function checkInSchedule(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly at: IsoDate },
): CheckInSchedule {
  const params = { initiativeId, asOf: options.asOf ?? null, at: options.at };
  const { last, cadence } = inOneSnapshot(db, () => ({
    last: prepared<typeof params, CheckInRow>(
      db,
      `SELECT ${checkInColumns} FROM check_ins
       WHERE initiative_id = @initiativeId AND recorded_at <= coalesce(@asOf, recorded_at) AND held_on <= @at
       ORDER BY held_on DESC, position DESC LIMIT 1`,
    ).get(params),
    cadence: prepared<Omit<typeof params, "at">, { everyDays: number; recordedAt: string }>(
      db,
      `SELECT every_days AS everyDays, recorded_at AS recordedAt FROM check_in_cadences
       WHERE initiative_id = @initiativeId AND recorded_at <= coalesce(@asOf, recorded_at)
       ORDER BY position DESC LIMIT 1`,
    ).get({ initiativeId, asOf: params.asOf }),
  }));
  const due = nextCheckInDue(last ?? null, cadence ? cadenceAgreedAt(cadence.everyDays, cadence.recordedAt) : null);
  return {
    cadenceDays: cadence?.everyDays ?? null,
    lastCheckIn: last
      ? {
          checkInId: last.checkInId,
          heldOn: last.heldOn,
          mandateClarity: last.mandateClarity,
          confidence: last.confidence,
          leadershipNeeded: last.leadershipNeeded,
        }
      : null,
    nextCheckInDue: due,
    checkInOverdue: checkInOverdue(due, options.at),
  };
}

import type { IsoDate, MeetingBody } from "#domain";
import type Database from "better-sqlite3";
import { type Page, type PageRequest, type SortColumn, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";

export interface MeetingListItem {
  readonly id: string;
  readonly body: MeetingBody;
  readonly focusArea: string;
  /** The day it was planned for; null for a meeting recorded held without a plan. */
  readonly plannedOn: IsoDate | null;
  /** Null only in the list of planned meetings: not held by `asOf`. */
  readonly heldOn: IsoDate | null;
  /** When it was recorded held, or, in the list of planned meetings, recorded planned. */
  readonly recordedAt: string;
}

/** `held`: the meetings recorded held (the minutes); `planned`: those planned and not yet recorded held. */
export type MeetingListStatus = "held" | "planned";

export interface MeetingListOptions {
  readonly asOf?: string;
  /** `held` unless said. */
  readonly status?: MeetingListStatus;
  /** Held (or, planned, planned for) from this day, included. */
  readonly from?: IsoDate;
  /** Held (or planned for) up to this day, included. */
  readonly to?: IsoDate;
  readonly body?: MeetingBody;
  readonly focusArea?: string;
  readonly page: PageRequest;
}

/**
 * Each list's day, instant and condition. Held: by the day held, then as recorded held (a
 * planned meeting counts from the instant it was recorded held, not planned). Planned: by the
 * day planned for, then as recorded planned, while no held event is recorded by asOf. The id
 * breaks a tie of two recorded in the same instant.
 */
const LISTS = {
  held: {
    day: "held_on",
    recordedAt: "held_recorded_at",
    known: "held_recorded_at <= coalesce(@asOf, held_recorded_at)",
  },
  planned: {
    day: "planned_on",
    recordedAt: "recorded_at",
    known: `planned_on IS NOT NULL AND recorded_at <= coalesce(@asOf, recorded_at)
       AND (held_recorded_at IS NULL OR held_recorded_at > coalesce(@asOf, held_recorded_at))`,
  },
} as const;

/**
 * A page of the meetings recorded held by `asOf`, by the day held, or with `status:
 * "planned"` of those planned and not yet held by `asOf`, by the day planned for: what a
 * reader needs to find a meeting; its minutes are `meeting()`. Kept apart from the minutes'
 * queries: the list reads only the meetings table.
 */
export function listMeetings(db: Database.Database, options: MeetingListOptions): Page<MeetingListItem> {
  const list = LISTS[options.status ?? "held"];
  const order: ReadonlyArray<SortColumn> = [{ sql: "day" }, { sql: "listed_at" }, { sql: "meeting_id" }];
  const page = keysetSql(order, options.page);
  const rows = prepared<Record<string, unknown>, MeetingListItem & { meeting_id: string; day: string; listed_at: string }>(
    db,
    `SELECT * FROM (
       SELECT meeting_id, ${list.day} AS day, ${list.recordedAt} AS listed_at, meeting_id AS id, body,
         focus_area AS focusArea, planned_on AS plannedOn,
         CASE WHEN held_recorded_at <= coalesce(@asOf, held_recorded_at) THEN held_on END AS heldOn,
         ${list.recordedAt} AS recordedAt
       FROM meetings
       WHERE ${list.known}
         AND ${list.day} BETWEEN coalesce(@from, ${list.day}) AND coalesce(@to, ${list.day})
         AND body = coalesce(@body, body) AND focus_area = coalesce(@focusArea, focus_area))
     WHERE ${page.where} ${page.orderBy} ${page.limit}`,
  ).all({
    asOf: options.asOf ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    body: options.body ?? null,
    focusArea: options.focusArea ?? null,
    ...page.params,
  });
  const { items, nextAfter } = pageOfRows(rows, options.page, (row) => [row.day, row.listed_at, row.meeting_id]);
  return {
    items: items.map(({ id, body, focusArea, plannedOn, heldOn, recordedAt }) => ({
      id,
      body,
      focusArea,
      plannedOn,
      heldOn,
      recordedAt,
    })),
    nextAfter,
  };
}

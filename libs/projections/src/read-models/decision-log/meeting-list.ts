import type { IsoDate, MeetingBody } from "#domain";
import type Database from "better-sqlite3";
import { type Page, type PageRequest, type SortColumn, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";

export interface MeetingListItem {
  readonly id: string;
  readonly body: MeetingBody;
  readonly focusArea: string;
  readonly heldOn: IsoDate;
  readonly recordedAt: string;
}

export interface MeetingListOptions {
  readonly asOf?: string;
  /** Held from this day, included. */
  readonly from?: IsoDate;
  /** Held up to this day, included. */
  readonly to?: IsoDate;
  readonly body?: MeetingBody;
  readonly focusArea?: string;
  readonly page: PageRequest;
}

/** By the day held, then as recorded held; the id breaks a tie of two recorded in the same instant. */
const ORDER: ReadonlyArray<SortColumn> = [{ sql: "held_on" }, { sql: "held_recorded_at" }, { sql: "meeting_id" }];

/**
 * A page of the meetings recorded held by `asOf` (planned ones not yet held are left out),
 * by the day held: what a reader needs
 * to find a meeting; its minutes are `meeting()`. Kept apart from the minutes' queries: the
 * list reads only the meetings table.
 */
export function listMeetings(db: Database.Database, options: MeetingListOptions): Page<MeetingListItem> {
  const page = keysetSql(ORDER, options.page);
  const rows = prepared<
    Record<string, unknown>,
    MeetingListItem & { meeting_id: string; held_on: string; held_recorded_at: string }
  >(
    db,
    // A planned meeting counts from the instant it was recorded held (held_recorded_at), not planned.
    `SELECT meeting_id, held_on, held_recorded_at, meeting_id AS id, body, focus_area AS focusArea, held_on AS heldOn,
       held_recorded_at AS recordedAt
     FROM meetings
     WHERE held_recorded_at <= coalesce(@asOf, held_recorded_at)
       AND held_on BETWEEN coalesce(@from, held_on) AND coalesce(@to, held_on)
       AND body = coalesce(@body, body) AND focus_area = coalesce(@focusArea, focus_area)
       AND ${page.where} ${page.orderBy} ${page.limit}`,
  ).all({
    asOf: options.asOf ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
    body: options.body ?? null,
    focusArea: options.focusArea ?? null,
    ...page.params,
  });
  const { items, nextAfter } = pageOfRows(rows, options.page, (row) => [row.held_on, row.held_recorded_at, row.meeting_id]);
  return {
    items: items.map(({ id, body, focusArea, heldOn, recordedAt }) => ({ id, body, focusArea, heldOn, recordedAt })),
    nextAfter,
  };
}

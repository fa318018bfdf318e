import type Database from "better-sqlite3";
import { type Page, type PageRequest, type SortColumn, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";

/** In the order registered; the id breaks a tie of two registrations recorded in the same instant. */
const ORDER: ReadonlyArray<SortColumn> = [{ sql: "registered_at" }, { sql: "person_id" }];

/**
 * A page of the ids of the people registered by `asOf`, optionally of one organisation, in
 * the order registered. Names are sealed here: the caller opens them (describePeople).
 */
export function peopleDirectory(
  db: Database.Database,
  options: { readonly organisationId?: string; readonly asOf?: string; readonly page: PageRequest },
): Page<string> {
  const page = keysetSql(ORDER, options.page);
  const rows = prepared<Record<string, unknown>, { person_id: string; registered_at: string }>(
    db,
    `SELECT person_id, registered_at FROM people
     WHERE registered_at <= coalesce(@asOf, registered_at) AND (@organisationId IS NULL OR organisation_id = @organisationId)
       AND ${page.where} ${page.orderBy} ${page.limit}`,
  ).all({ asOf: options.asOf ?? null, organisationId: options.organisationId ?? null, ...page.params });
  const { items, nextAfter } = pageOfRows(rows, options.page, (row) => [row.registered_at, row.person_id]);
  return { items: items.map((row) => row.person_id), nextAfter };
}

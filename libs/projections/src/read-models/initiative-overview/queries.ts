import type { IsoDate, LeadRole } from "#domain";
import type Database from "better-sqlite3";
import { type Page, type PageRequest, type SortColumn, WHOLE_LIST, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";

export type InitiativeStatus = "open" | "closed";

export interface InitiativeListItem {
  readonly id: string;
  readonly name: string;
  readonly status: InitiativeStatus;
  readonly focusArea: string;
  readonly organisationIds: ReadonlyArray<string>;
  readonly registeredAt: string;
}

export interface InitiativeRecord {
  readonly id: string;
  readonly name: string;
  readonly focusArea: string;
  readonly description: string;
  readonly organisationIds: ReadonlyArray<string>;
  readonly status: InitiativeStatus;
  /** The closure's date, once the closure is recorded (even when it lies after `at`). */
  readonly closedOn?: IsoDate;
}

export interface LeadAssignment {
  readonly personId: string;
  readonly role: LeadRole;
  readonly assignedAt: string;
}

interface InitiativeRow {
  readonly initiative_id: string;
  readonly name: string;
  readonly focus_area: string;
  readonly description: string;
  readonly organisation_ids: string;
  readonly registered_at: string;
  readonly closed_on: IsoDate | null;
  readonly closed_at: string | null;
}

interface LeadRow {
  readonly person_id: string;
  readonly role: LeadRole;
  readonly assigned_at: string;
}

/** The initiatives registered as of `asOf`, by name; closed once the closure is recorded by then. */
export function listInitiatives(
  db: Database.Database,
  options: { readonly asOf?: string } = {},
): ReadonlyArray<InitiativeListItem> {
  return initiativePage(db, { ...options, page: WHOLE_LIST }).items;
}

const BY_NAME: ReadonlyArray<SortColumn> = [{ sql: "name" }, { sql: "initiative_id" }];

/** A page of `listInitiatives`. */
export function initiativePage(
  db: Database.Database,
  options: { readonly asOf?: string; readonly page: PageRequest },
): Page<InitiativeListItem> {
  const asOf = options.asOf ?? null;
  const page = keysetSql(BY_NAME, options.page);
  const rows = prepared<Record<string, unknown>, InitiativeRow>(
    db,
    `SELECT * FROM initiatives WHERE registered_at <= coalesce(@asOf, registered_at) AND ${page.where} ${page.orderBy} ${page.limit}`,
  ).all({ asOf, ...page.params });
  const { items, nextAfter } = pageOfRows(rows, options.page, (row) => [row.name, row.initiative_id]);
  return { items: items.map((row) => toListItem(row, asOf)), nextAfter };
}

const toListItem = (row: InitiativeRow, asOf: string | null): InitiativeListItem => ({
  id: row.initiative_id,
  name: row.name,
  status: closureKnown(row, asOf) ? "closed" : "open",
  focusArea: row.focus_area,
  organisationIds: JSON.parse(row.organisation_ids) as string[],
  registeredAt: row.registered_at,
});

/** Matches the initiative's row if it was registered by `asOf`. */
const REGISTERED_BY_AS_OF = "initiative_id = @initiativeId AND registered_at <= coalesce(@asOf, registered_at)";

/** Whether the initiative was registered by `asOf`: what a read of its parts needs to tell it from an unknown one. */
export function initiativeRegistered(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string } = {},
): boolean {
  const found = prepared<{ initiativeId: string; asOf: string | null }>(
    db,
    `SELECT 1 FROM initiatives WHERE ${REGISTERED_BY_AS_OF}`,
  ).get({
    initiativeId,
    asOf: options.asOf ?? null,
  });
  return found !== undefined;
}

/**
 * The initiative as known at `asOf`, or undefined if it was not registered by then. It is
 * closed on `at` when the closure was recorded by `asOf` and took effect by `at`.
 */
export function initiativeRecord(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly at: IsoDate },
): InitiativeRecord | undefined {
  const asOf = options.asOf ?? null;
  const row = prepared<{ initiativeId: string; asOf: string | null }, InitiativeRow>(
    db,
    `SELECT * FROM initiatives WHERE ${REGISTERED_BY_AS_OF}`,
  ).get({ initiativeId, asOf });
  if (!row) return undefined;
  const closedOn = closureKnown(row, asOf) ? row.closed_on : null;
  return {
    id: row.initiative_id,
    name: row.name,
    focusArea: row.focus_area,
    description: row.description,
    organisationIds: JSON.parse(row.organisation_ids) as string[],
    status: closedOn !== null && closedOn <= options.at ? "closed" : "open",
    ...(closedOn === null ? {} : { closedOn }),
  };
}

/** The people assigned to the initiative as known at `asOf`, in the order they were assigned. */
export function leadsAsOf(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string } = {},
): LeadAssignment[] {
  const rows = prepared<{ initiativeId: string; asOf: string | null }, LeadRow>(
    db,
    `SELECT person_id, role, assigned_at FROM initiative_leads
       WHERE initiative_id = @initiativeId
         AND assigned_at <= coalesce(@asOf, assigned_at)
         AND (unassigned_at IS NULL OR unassigned_at > coalesce(@asOf, unassigned_at))
       ORDER BY assigned_position`,
  ).all({ initiativeId, asOf: options.asOf ?? null });
  return rows.map((row) => ({ personId: row.person_id, role: row.role, assignedAt: row.assigned_at }));
}

const closureKnown = (row: InitiativeRow, asOf: string | null): row is InitiativeRow & { closed_on: IsoDate } =>
  row.closed_at !== null && (asOf === null || row.closed_at <= asOf);

/** The open initiatives the person leads now (any lead role), by name. */
export function initiativesLedBy(db: Database.Database, personId: string): ReadonlyArray<{ id: string; name: string }> {
  return prepared<[string], { id: string; name: string }>(
    db,
    `SELECT DISTINCT i.initiative_id AS id, i.name AS name FROM initiative_leads l
       JOIN initiatives i ON i.initiative_id = l.initiative_id
       WHERE l.person_id = ? AND l.unassigned_at IS NULL AND i.closed_on IS NULL
       ORDER BY i.name`,
  ).all(personId);
}

/** Every lead of an open initiative now, with the initiative's name, in the order they were assigned. */
export function currentLeads(db: Database.Database): ReadonlyArray<{ personId: string; initiativeName: string }> {
  return prepared<[], { personId: string; initiativeName: string }>(
    db,
    `SELECT l.person_id AS personId, i.name AS initiativeName FROM initiative_leads l
       JOIN initiatives i ON i.initiative_id = l.initiative_id
       WHERE l.unassigned_at IS NULL AND i.closed_on IS NULL
       ORDER BY l.assigned_at, l.assigned_position`,
  ).all();
}

import type { ContextRelation } from "#domain";
import type Database from "better-sqlite3";
import { groupBy } from "../../runner/group-by.js";
import { type Page, type PageRequest, WHOLE_LIST, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";

export interface OrganisationEntry {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

export interface InitiativeLink {
  readonly initiativeId: string;
  readonly relation: ContextRelation;
  /** When the link was recorded. */
  readonly linkedAt: string;
}

export interface GoverningContextEntry {
  readonly contextId: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  readonly status: "mapped" | "retired";
  readonly linkedInitiatives: ReadonlyArray<InitiativeLink>;
}

export interface InitiativeContext {
  readonly organisationId: string;
  readonly contextId: string;
  readonly name: string;
  readonly relation: ContextRelation;
}

/** Links recorded by `asOf` and not ended by then. */
const LINK_KNOWN_AT =
  "l.linked_at <= coalesce(@asOf, l.linked_at) AND (l.unlinked_at IS NULL OR l.unlinked_at > coalesce(@asOf, l.unlinked_at))";

export function organisations(db: Database.Database): ReadonlyArray<OrganisationEntry> {
  return organisationPage(db, { page: WHOLE_LIST }).items;
}

/** A page of the organisations, by name. */
export function organisationPage(db: Database.Database, options: { readonly page: PageRequest }): Page<OrganisationEntry> {
  const page = keysetSql([{ sql: "name" }, { sql: "organisation_id" }], options.page);
  const rows = prepared<Record<string, unknown>, OrganisationEntry>(
    db,
    `SELECT organisation_id AS id, name, kind FROM organisations WHERE ${page.where} ${page.orderBy} ${page.limit}`,
  ).all(page.params);
  return pageOfRows(rows, options.page, (row) => [row.name, row.id]);
}

/** The organisation, if it was registered by `asOf`. */
export function organisation(
  db: Database.Database,
  organisationId: string,
  options: { readonly asOf?: string } = {},
): OrganisationEntry | undefined {
  return prepared<[{ organisationId: string; asOf: string | null }], OrganisationEntry>(
    db,
    `SELECT organisation_id AS id, name, kind FROM organisations
     WHERE organisation_id = @organisationId AND recorded_at <= coalesce(@asOf, recorded_at)`,
  ).get({ organisationId, asOf: options.asOf ?? null });
}

/** An organisation's governing contexts by name, each with the initiatives linked to it, as known at `asOf`. */
export function governingContexts(
  db: Database.Database,
  organisationId: string,
  options: { readonly asOf?: string } = {},
): ReadonlyArray<GoverningContextEntry> {
  return governingContextPage(db, organisationId, { ...options, page: WHOLE_LIST }).items;
}

/** A page of `governingContexts`. */
export function governingContextPage(
  db: Database.Database,
  organisationId: string,
  options: { readonly asOf?: string; readonly page: PageRequest },
): Page<GoverningContextEntry> {
  const params = { organisationId, asOf: options.asOf ?? null };
  const page = keysetSql([{ sql: "name" }, { sql: "context_id" }], options.page);
  return inOneSnapshot(db, () => {
    const rows = prepared<Record<string, unknown>, Omit<GoverningContextEntry, "linkedInitiatives">>(
      db,
      `SELECT context_id AS contextId, name, kind, description,
         CASE WHEN retired_at <= coalesce(@asOf, retired_at) THEN 'retired' ELSE 'mapped' END AS status
       FROM governing_contexts
       WHERE organisation_id = @organisationId AND mapped_at <= coalesce(@asOf, mapped_at) AND ${page.where}
       ${page.orderBy} ${page.limit}`,
    ).all({ ...params, ...page.params });
    const { items: contexts, nextAfter } = pageOfRows(rows, options.page, (row) => [row.name, row.contextId]);
    const links = prepared<[typeof params], InitiativeLink & { contextId: string }>(
      db,
      `SELECT l.context_id AS contextId, l.initiative_id AS initiativeId, l.relation, l.linked_at AS linkedAt
       FROM governing_contexts c JOIN context_links l ON l.context_id = c.context_id AND l.organisation_id = c.organisation_id
       WHERE c.organisation_id = @organisationId AND ${LINK_KNOWN_AT}
       ORDER BY l.position`,
    ).all(params);
    const linksByContext = groupBy(links, ({ contextId, ...link }) => [contextId, link]);
    return {
      items: contexts.map((context) => ({ ...context, linkedInitiatives: linksByContext.get(context.contextId) ?? [] })),
      nextAfter,
    };
  });
}

/** The governing contexts an initiative is linked to, in the order they were linked, as known at `asOf`. */
export function initiativeContexts(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string } = {},
): ReadonlyArray<InitiativeContext> {
  return initiativeContextPage(db, initiativeId, { ...options, page: WHOLE_LIST }).items;
}

/** A page of `initiativeContexts`. */
export function initiativeContextPage(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string; readonly page: PageRequest },
): Page<InitiativeContext> {
  const page = keysetSql([{ sql: "l.position" }], options.page);
  const rows = prepared<Record<string, unknown>, InitiativeContext & { position: number }>(
    db,
    `SELECT l.position, l.organisation_id AS organisationId, l.context_id AS contextId, c.name, l.relation
       FROM context_links l JOIN governing_contexts c ON c.context_id = l.context_id AND c.organisation_id = l.organisation_id
       WHERE l.initiative_id = @initiativeId AND ${LINK_KNOWN_AT} AND ${page.where}
       ${page.orderBy} ${page.limit}`,
  ).all({ initiativeId, asOf: options.asOf ?? null, ...page.params });
  const { items, nextAfter } = pageOfRows(rows, options.page, (row) => [row.position]);
  return { items: items.map(({ position: _, ...context }) => context), nextAfter };
}

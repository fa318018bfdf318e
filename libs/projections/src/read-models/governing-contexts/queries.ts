import type { ContextRelation } from "#domain";
import type Database from "better-sqlite3";
import { groupBy } from "../../runner/group-by.js";
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
  return prepared<[], OrganisationEntry>(
    db,
    "SELECT organisation_id AS id, name, kind FROM organisations ORDER BY name, organisation_id",
  ).all();
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
  const params = { organisationId, asOf: options.asOf ?? null };
  return inOneSnapshot(db, () => {
    const contexts = prepared<[typeof params], Omit<GoverningContextEntry, "linkedInitiatives">>(
      db,
      `SELECT context_id AS contextId, name, kind, description,
         CASE WHEN retired_at <= coalesce(@asOf, retired_at) THEN 'retired' ELSE 'mapped' END AS status
       FROM governing_contexts
       WHERE organisation_id = @organisationId AND mapped_at <= coalesce(@asOf, mapped_at)
       ORDER BY name, context_id`,
    ).all(params);
    const links = prepared<[typeof params], InitiativeLink & { contextId: string }>(
      db,
      `SELECT l.context_id AS contextId, l.initiative_id AS initiativeId, l.relation, l.linked_at AS linkedAt
       FROM governing_contexts c JOIN context_links l ON l.context_id = c.context_id AND l.organisation_id = c.organisation_id
       WHERE c.organisation_id = @organisationId AND ${LINK_KNOWN_AT}
       ORDER BY l.position`,
    ).all(params);
    const linksByContext = groupBy(links, ({ contextId, ...link }) => [contextId, link]);
    return contexts.map((context) => ({ ...context, linkedInitiatives: linksByContext.get(context.contextId) ?? [] }));
  });
}

/** The governing contexts an initiative is linked to, in the order they were linked, as known at `asOf`. */
export function initiativeContexts(
  db: Database.Database,
  initiativeId: string,
  options: { readonly asOf?: string } = {},
): ReadonlyArray<InitiativeContext> {
  return prepared<[{ initiativeId: string; asOf: string | null }], InitiativeContext>(
    db,
    `SELECT l.organisation_id AS organisationId, l.context_id AS contextId, c.name, l.relation
       FROM context_links l JOIN governing_contexts c ON c.context_id = l.context_id AND c.organisation_id = l.organisation_id
       WHERE l.initiative_id = @initiativeId AND ${LINK_KNOWN_AT}
       ORDER BY l.position`,
  ).all({ initiativeId, asOf: options.asOf ?? null });
}

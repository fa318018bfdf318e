import type { EscalationLevel, IsoDate, TensionCategory, TensionSource } from "#domain";
import type Database from "better-sqlite3";
import { type Page, type PageRequest, type SortColumn, keysetSql, pageOfRows } from "../../runner/pagination.js";
import { prepared } from "../../runner/prepared.js";

export type TensionStatus = "open" | "resolved" | "dropped";

export interface TensionListItem {
  readonly tensionId: string;
  /** Empty for a tension within the Core Team itself. */
  readonly initiativeIds: ReadonlyArray<string>;
  readonly category: TensionCategory;
  readonly description: string;
  readonly raisedOn: IsoDate;
  readonly raisedAt: string;
  readonly source: TensionSource | null;
  readonly intensity: number;
  readonly status: TensionStatus;
  readonly closedOn: IsoDate | null;
  readonly resolution: string | null;
  readonly escalation: {
    readonly to: EscalationLevel;
    readonly on: IsoDate;
    /** The governing context it goes to, when the escalation named one. */
    readonly governingContext: { readonly organisationId: string; readonly contextId: string } | null;
  } | null;
}

export interface TensionListOptions {
  readonly asOf?: string;
  readonly initiativeId?: string;
  readonly status?: TensionStatus;
  /** Also the tensions naming no initiative, which only the Core Team (and admin, auditor) may read. */
  readonly withinCoreTeam: boolean;
  readonly page: PageRequest;
}

interface TensionRow extends Omit<TensionListItem, "initiativeIds" | "source" | "escalation"> {
  readonly initiativeIds: string;
  readonly source: string | null;
  readonly escalatedTo: EscalationLevel | null;
  readonly escalatedOn: IsoDate | null;
  readonly contextOrganisationId: string | null;
  readonly contextId: string | null;
  readonly raisedPosition: number;
}

/** Oldest first: by the day raised, then as recorded. */
const ORDER: ReadonlyArray<SortColumn> = [{ sql: "raisedOn" }, { sql: "raisedPosition" }];

/** Latest by `asOf`: of the rows of `table` of the tension recorded by then, the one holding last (by day, then position). */
const latestKnown = (table: string) =>
  `(SELECT x.position FROM ${table} x WHERE x.tension_id = t.tension_id AND x.recorded_at <= coalesce(@asOf, x.recorded_at)
    ORDER BY x.on_date DESC, x.position DESC LIMIT 1)`;

// Every tension raised by `asOf`, each as known then: the closure only once recorded, the
// latest intensity and escalation recorded by then.
const TENSIONS_KNOWN = `SELECT t.tension_id AS tensionId,
    (SELECT json_group_array(initiative_id) FROM
      (SELECT initiative_id FROM tension_initiatives WHERE tension_id = t.tension_id ORDER BY ordinal)) AS initiativeIds,
    t.category, t.description, t.raised_on AS raisedOn, t.raised_at AS raisedAt, t.raised_position AS raisedPosition,
    t.source, i.intensity,
    CASE WHEN t.closed_at <= coalesce(@asOf, t.closed_at) THEN t.closed_as ELSE 'open' END AS status,
    CASE WHEN t.closed_at <= coalesce(@asOf, t.closed_at) THEN t.closed_on END AS closedOn,
    CASE WHEN t.closed_at <= coalesce(@asOf, t.closed_at) THEN t.resolution END AS resolution,
    e.escalated_to AS escalatedTo, e.on_date AS escalatedOn,
    e.context_organisation_id AS contextOrganisationId, e.context_id AS contextId
  FROM tensions t
  JOIN tension_intensities i ON i.position = ${latestKnown("tension_intensities")}
  LEFT JOIN tension_escalations e ON e.position = ${latestKnown("tension_escalations")}
  WHERE t.raised_at <= coalesce(@asOf, t.raised_at)
    AND (@initiativeId IS NULL OR EXISTS
      (SELECT 1 FROM tension_initiatives n WHERE n.tension_id = t.tension_id AND n.initiative_id = @initiativeId))
    AND (@withinCoreTeam = 1 OR EXISTS (SELECT 1 FROM tension_initiatives n WHERE n.tension_id = t.tension_id))`;

/**
 * A page of the tensions as known at `asOf`, oldest first, each with its status, intensity
 * and escalation then; optionally of one initiative or in one status. Tensions naming no
 * initiative only `withinCoreTeam`.
 */
export function listTensions(db: Database.Database, options: TensionListOptions): Page<TensionListItem> {
  const page = keysetSql(ORDER, options.page);
  const rows = prepared<Record<string, unknown>, TensionRow>(
    db,
    `SELECT * FROM (${TENSIONS_KNOWN}) WHERE (@status IS NULL OR status = @status) AND ${page.where} ${page.orderBy} ${page.limit}`,
  ).all({
    asOf: options.asOf ?? null,
    initiativeId: options.initiativeId ?? null,
    status: options.status ?? null,
    withinCoreTeam: options.withinCoreTeam ? 1 : 0,
    ...page.params,
  });
  const { items, nextAfter } = pageOfRows(rows, options.page, (row) => [row.raisedOn, row.raisedPosition]);
  return { items: items.map(toItem), nextAfter };
}

const toItem = ({
  initiativeIds,
  source,
  escalatedTo,
  escalatedOn,
  contextOrganisationId,
  contextId,
  raisedPosition: _,
  ...row
}: TensionRow): TensionListItem => ({
  ...row,
  initiativeIds: JSON.parse(initiativeIds) as string[],
  source: source === null ? null : (JSON.parse(source) as TensionSource),
  escalation:
    escalatedTo === null
      ? null
      : {
          to: escalatedTo,
          on: escalatedOn!,
          governingContext: contextId === null ? null : { organisationId: contextOrganisationId!, contextId },
        },
});

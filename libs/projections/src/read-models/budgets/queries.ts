import type { DecisionRef, ExternalFundingStatus } from "#domain";
import type Database from "better-sqlite3";
import { prepared } from "../../runner/prepared.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";

export interface BudgetOverview {
  readonly focusArea: string;
  readonly year: number;
  readonly status: "proposed" | "approved";
  /** The lines as proposed, or as the latest amendment replaced them. */
  readonly lines: ReadonlyArray<{
    readonly lineId: string;
    readonly purpose: string;
    readonly initiativeId: string | null;
    readonly amountSek: number;
  }>;
  /** The total of the proposal as it was made. */
  readonly proposedTotalSek: number;
  /** The total of the current lines once approved; null before. */
  readonly approvedTotalSek: number | null;
  /** The decision that approved the budget. */
  readonly decision: DecisionRef | null;
  readonly amendments: ReadonlyArray<{ readonly reason: string; readonly decision: DecisionRef; readonly recordedAt: string }>;
  readonly externalFunding: ReadonlyArray<ExternalFunding>;
  /** The amounts granted on `at`: what the focus area has beside its budget. */
  readonly externalFundingTotalSek: number;
  /** The amounts applied for and not yet granted or rejected on `at`. */
  readonly externalFundingAppliedSek: number;
  readonly reflections: ReadonlyArray<{
    readonly initiativeId: string | null;
    readonly reflection: string;
    readonly valueRating: number;
    readonly on: string;
    /** The goals and indicator readings of its initiative it cites (none for reflections before citations). */
    readonly goalIds: ReadonlyArray<string>;
    readonly readingIds: ReadonlyArray<string>;
  }>;
  /** Staff time given to the work (insatser i natura), recorded by `asOf`, whose period starts by `at`. */
  readonly contributionsInKind: ReadonlyArray<ContributionInKind>;
  /** Those contributions summed per organisation, in the order of each one's first contribution (by period). */
  readonly contributionsByOrganisation: ReadonlyArray<{
    readonly organisationId: string;
    readonly hours: number;
    readonly valueSek: number;
  }>;
  readonly contributionsInKindTotal: { readonly hours: number; readonly valueSek: number };
  /**
   * The budget if the staff time were counted: the approved total (the proposed one before
   * approval) plus the value of the contributions in kind.
   */
  readonly totalWithContributionsSek: number;
  /**
   * The focus area's budgets of earlier years approved by `asOf`, oldest first, each with
   * its lines then and their total: what this year's budget is compared with.
   */
  readonly previousYears: ReadonlyArray<PreviousYear>;
}

export interface ContributionInKind {
  readonly contributionId: string;
  readonly organisationId: string;
  /** Null: to the focus area as a whole. */
  readonly initiativeId: string | null;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly hours: number;
  readonly valueSek: number;
  readonly note: string | null;
  readonly recordedAt: string;
}

export interface PreviousYear {
  readonly year: number;
  readonly lines: BudgetOverview["lines"];
  readonly approvedTotalSek: number;
}

/** One external funding on `at` as known at `asOf`. */
export interface ExternalFunding {
  /** Null for a funding recorded before fundings had ids: it takes no status change or link. */
  readonly fundingId: string | null;
  readonly source: string;
  /** As recorded: the amount applied for, or received. */
  readonly amountSek: number;
  readonly initiativeId: string | null;
  /** The day it was recorded as applied for or received. */
  readonly on: string;
  readonly status: ExternalFundingStatus;
  /** The day the status took effect: the funding's `on`, or its status change's. */
  readonly statusOn: string;
  /** The amount granted (the status change's, else as recorded) while granted; else null. */
  readonly grantedSek: number | null;
  /** The budget line it goes to: the latest link recorded by `asOf`, else as recorded. */
  readonly lineId: string | null;
}

interface FundingRow {
  fundingId: string | null;
  source: string;
  amountSek: number;
  initiativeId: string | null;
  on: string;
  recordedStatus: ExternalFundingStatus;
  recordedLineId: string | null;
  changedStatus: Exclude<ExternalFundingStatus, "applied"> | null;
  changedAmountSek: number | null;
  changedOn: string | null;
  linkedLineId: string | null;
}

interface BudgetRow {
  /** The approving decision, once the approval is recorded; an approval always cites one. */
  decision: string | null;
  proposed_total_sek: number;
}

/**
 * The budget of a focus area for a year as known at `asOf`: its lines then, approved once
 * the approval is recorded by then; undefined until it is proposed. External funding has
 * its status on `at` (valid time; default: every status change recorded by `asOf`).
 */
export function budget(
  db: Database.Database,
  focusArea: string,
  year: number,
  options: { readonly asOf?: string; readonly at?: string } = {},
): BudgetOverview | undefined {
  const params = { focusArea, year, asOf: options.asOf ?? null, at: options.at ?? null };
  return inOneSnapshot(db, () => {
    const row = prepared<[typeof params], BudgetRow>(
      db,
      `SELECT CASE WHEN approved_at <= coalesce(@asOf, approved_at) THEN decision END AS decision, proposed_total_sek
       FROM budgets WHERE focus_area = @focusArea AND year = @year AND proposed_at <= coalesce(@asOf, proposed_at)`,
    ).get(params);
    if (!row) return undefined;
    const approved = row.decision !== null;
    const lines = linesOf(db, params);
    const amendments = prepared<[typeof params], { reason: string; decision: string; recordedAt: string }>(
      db,
      `SELECT reason, decision, recorded_at AS recordedAt FROM budget_amendments
       WHERE focus_area = @focusArea AND year = @year AND recorded_at <= coalesce(@asOf, recorded_at)
       ORDER BY position`,
    ).all(params);
    // Per funding dated on or before `at` (before its day it was neither applied for nor
    // granted): the status change in effect on `at` (latest by its day, then as recorded)
    // and the latest link, each among those recorded by `asOf`.
    const externalFunding = prepared<[typeof params], FundingRow>(
      db,
      `SELECT f.funding_id AS fundingId, f.source, f.amount_sek AS amountSek, f.initiative_id AS initiativeId,
         f.on_date AS "on", f.status AS recordedStatus, f.line_id AS recordedLineId,
         s.status AS changedStatus, s.amount_sek AS changedAmountSek, s.on_date AS changedOn, l.line_id AS linkedLineId
       FROM budget_external_funding f
       LEFT JOIN budget_external_funding_changes s ON s.position = (
         SELECT c.position FROM budget_external_funding_changes c
         WHERE c.funding_id = f.funding_id AND c.status IS NOT NULL
           AND c.recorded_at <= coalesce(@asOf, c.recorded_at) AND c.on_date <= coalesce(@at, c.on_date)
         ORDER BY c.on_date DESC, c.position DESC LIMIT 1)
       LEFT JOIN budget_external_funding_changes l ON l.position = (
         SELECT c.position FROM budget_external_funding_changes c
         WHERE c.funding_id = f.funding_id AND c.line_id IS NOT NULL AND c.recorded_at <= coalesce(@asOf, c.recorded_at)
         ORDER BY c.position DESC LIMIT 1)
       WHERE f.focus_area = @focusArea AND f.year = @year AND f.recorded_at <= coalesce(@asOf, f.recorded_at)
         AND f.on_date <= coalesce(@at, f.on_date)
       ORDER BY f.position`,
    )
      .all(params)
      .map(fundingOnAt);
    const reflections = prepared<
      [typeof params],
      Omit<BudgetOverview["reflections"][number], "goalIds" | "readingIds"> & { goalIds: string; readingIds: string }
    >(
      db,
      `SELECT initiative_id AS initiativeId, reflection, value_rating AS valueRating, on_date AS "on",
         goal_ids AS goalIds, reading_ids AS readingIds
       FROM budget_reflections
       WHERE focus_area = @focusArea AND year = @year AND recorded_at <= coalesce(@asOf, recorded_at)
       ORDER BY position`,
    ).all(params);
    const contributions = contributionsOf(db, params);
    return {
      focusArea,
      year,
      status: approved ? "approved" : "proposed",
      lines,
      proposedTotalSek: row.proposed_total_sek,
      approvedTotalSek: approved ? sumOf(lines) : null,
      decision: row.decision === null ? null : (JSON.parse(row.decision) as DecisionRef),
      amendments: amendments.map((a) => ({ ...a, decision: JSON.parse(a.decision) as DecisionRef })),
      externalFunding,
      externalFundingTotalSek: externalFunding.reduce((sum, funding) => sum + (funding.grantedSek ?? 0), 0),
      externalFundingAppliedSek: sumOf(externalFunding.filter((funding) => funding.status === "applied")),
      reflections: reflections.map((r) => ({
        ...r,
        goalIds: JSON.parse(r.goalIds) as string[],
        readingIds: JSON.parse(r.readingIds) as string[],
      })),
      ...contributions,
      totalWithContributionsSek:
        (approved ? sumOf(lines) : row.proposed_total_sek) + contributions.contributionsInKindTotal.valueSek,
      previousYears: previousYears(db, params),
    };
  });
}

/** The lines of a budget in force at `asOf`: the proposal's, or the latest amendment's recorded by then. */
export const linesOf = (db: Database.Database, params: { focusArea: string; year: number; asOf: string | null }) =>
  prepared<[typeof params], BudgetOverview["lines"][number]>(
    db,
    `SELECT line_id AS lineId, purpose, initiative_id AS initiativeId, amount_sek AS amountSek
     FROM budget_lines
     WHERE focus_area = @focusArea AND year = @year AND recorded_at <= coalesce(@asOf, recorded_at)
       AND (ended_at IS NULL OR ended_at > coalesce(@asOf, ended_at))
     ORDER BY ordinal`,
  ).all(params);

const previousYears = (db: Database.Database, params: { focusArea: string; year: number; asOf: string | null }): PreviousYear[] =>
  prepared<[typeof params], { year: number }>(
    db,
    `SELECT year FROM budgets
     WHERE focus_area = @focusArea AND year < @year AND approved_at <= coalesce(@asOf, approved_at)
     ORDER BY year`,
  )
    .all(params)
    .map(({ year }) => {
      const lines = linesOf(db, { ...params, year });
      return { year, lines, approvedTotalSek: sumOf(lines) };
    });

const sumOf = (amounts: ReadonlyArray<{ readonly amountSek: number }>) => amounts.reduce((sum, a) => sum + a.amountSek, 0);

const fundingOnAt = (row: FundingRow): ExternalFunding => {
  const status = row.changedStatus ?? row.recordedStatus;
  return {
    fundingId: row.fundingId,
    source: row.source,
    amountSek: row.amountSek,
    initiativeId: row.initiativeId,
    on: row.on,
    status,
    statusOn: row.changedOn ?? row.on,
    grantedSek: status === "granted" ? (row.changedAmountSek ?? row.amountSek) : null,
    lineId: row.linkedLineId ?? row.recordedLineId,
  };
};

const contributionsOf = (
  db: Database.Database,
  params: { focusArea: string; year: number; asOf: string | null; at: string | null },
): Pick<BudgetOverview, "contributionsInKind" | "contributionsByOrganisation" | "contributionsInKindTotal"> => {
  const contributionsInKind = prepared<[typeof params], ContributionInKind>(
    db,
    `SELECT contribution_id AS contributionId, organisation_id AS organisationId, initiative_id AS initiativeId,
       period_from AS periodFrom, period_to AS periodTo, hours, value_sek AS valueSek, note, recorded_at AS recordedAt
     FROM budget_contributions
     WHERE focus_area = @focusArea AND year = @year AND recorded_at <= coalesce(@asOf, recorded_at)
       AND period_from <= coalesce(@at, period_from)
     ORDER BY period_from, position`,
  ).all(params);
  const byOrganisation = new Map<string, { organisationId: string; hours: number; valueSek: number }>();
  for (const { organisationId, hours, valueSek } of contributionsInKind) {
    const sum = byOrganisation.get(organisationId) ?? { organisationId, hours: 0, valueSek: 0 };
    byOrganisation.set(organisationId, { organisationId, hours: sum.hours + hours, valueSek: sum.valueSek + valueSek });
  }
  const contributionsByOrganisation = [...byOrganisation.values()];
  return {
    contributionsInKind,
    contributionsByOrganisation,
    contributionsInKindTotal: contributionsByOrganisation.reduce(
      (total, sum) => ({ hours: total.hours + sum.hours, valueSek: total.valueSek + sum.valueSek }),
      { hours: 0, valueSek: 0 },
    ),
  };
};

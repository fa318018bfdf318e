import type { DecisionRef } from "#domain";
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
  readonly externalFunding: ReadonlyArray<{
    readonly source: string;
    readonly amountSek: number;
    readonly initiativeId: string | null;
    readonly on: string;
  }>;
  readonly externalFundingTotalSek: number;
  readonly reflections: ReadonlyArray<{
    readonly initiativeId: string | null;
    readonly reflection: string;
    readonly valueRating: number;
    readonly on: string;
  }>;
}

interface BudgetRow {
  /** The approving decision, once the approval is recorded; an approval always cites one. */
  decision: string | null;
  proposed_total_sek: number;
}

/**
 * The budget of a focus area for a year as known at `asOf`: its lines then, approved once
 * the approval is recorded by then; undefined until it is proposed.
 */
export function budget(
  db: Database.Database,
  focusArea: string,
  year: number,
  options: { readonly asOf?: string } = {},
): BudgetOverview | undefined {
  const params = { focusArea, year, asOf: options.asOf ?? null };
  return inOneSnapshot(db, () => {
    const row = prepared<[typeof params], BudgetRow>(
      db,
      `SELECT CASE WHEN approved_at <= coalesce(@asOf, approved_at) THEN decision END AS decision, proposed_total_sek
       FROM budgets WHERE focus_area = @focusArea AND year = @year AND proposed_at <= coalesce(@asOf, proposed_at)`,
    ).get(params);
    if (!row) return undefined;
    const approved = row.decision !== null;
    const lines = prepared<[typeof params], BudgetOverview["lines"][number]>(
      db,
      `SELECT line_id AS lineId, purpose, initiative_id AS initiativeId, amount_sek AS amountSek
       FROM budget_lines
       WHERE focus_area = @focusArea AND year = @year AND recorded_at <= coalesce(@asOf, recorded_at)
         AND (ended_at IS NULL OR ended_at > coalesce(@asOf, ended_at))
       ORDER BY ordinal`,
    ).all(params);
    const amendments = prepared<[typeof params], { reason: string; decision: string; recordedAt: string }>(
      db,
      `SELECT reason, decision, recorded_at AS recordedAt FROM budget_amendments
       WHERE focus_area = @focusArea AND year = @year AND recorded_at <= coalesce(@asOf, recorded_at)
       ORDER BY position`,
    ).all(params);
    const externalFunding = prepared<[typeof params], BudgetOverview["externalFunding"][number]>(
      db,
      `SELECT source, amount_sek AS amountSek, initiative_id AS initiativeId, on_date AS "on" FROM budget_external_funding
       WHERE focus_area = @focusArea AND year = @year AND recorded_at <= coalesce(@asOf, recorded_at)
       ORDER BY position`,
    ).all(params);
    const reflections = prepared<[typeof params], BudgetOverview["reflections"][number]>(
      db,
      `SELECT initiative_id AS initiativeId, reflection, value_rating AS valueRating, on_date AS "on" FROM budget_reflections
       WHERE focus_area = @focusArea AND year = @year AND recorded_at <= coalesce(@asOf, recorded_at)
       ORDER BY position`,
    ).all(params);
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
      externalFundingTotalSek: sumOf(externalFunding),
      reflections,
    };
  });
}

const sumOf = (amounts: ReadonlyArray<{ readonly amountSek: number }>) => amounts.reduce((sum, a) => sum + a.amountSek, 0);

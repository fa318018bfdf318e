import type { DecisionRef } from "#domain";
import type Database from "better-sqlite3";
import { prepared } from "../../runner/prepared.js";

export interface BudgetOverview {
  readonly focusArea: string;
  readonly year: number;
  readonly status: "proposed" | "approved";
  /** The current lines: as proposed, or as the latest amendment replaced them. */
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
  status: BudgetOverview["status"];
  decision: string | null;
  proposed_total_sek: number;
}

/** The budget of a focus area for a year; undefined until it is proposed. */
export function budget(db: Database.Database, focusArea: string, year: number): BudgetOverview | undefined {
  const key = { focusArea, year };
  const row = prepared<[typeof key], BudgetRow>(db, 
      "SELECT status, decision, proposed_total_sek FROM budgets WHERE focus_area = @focusArea AND year = @year",
    )
    .get(key);
  if (!row) return undefined;
  const lines = prepared<[typeof key], BudgetOverview["lines"][number]>(db, 
      `SELECT line_id AS lineId, purpose, initiative_id AS initiativeId, amount_sek AS amountSek
       FROM budget_lines WHERE focus_area = @focusArea AND year = @year ORDER BY ordinal`,
    )
    .all(key);
  const amendments = prepared<[typeof key], { reason: string; decision: string; recordedAt: string }>(db, 
      `SELECT reason, decision, recorded_at AS recordedAt
       FROM budget_amendments WHERE focus_area = @focusArea AND year = @year ORDER BY position`,
    )
    .all(key);
  const externalFunding = prepared<[typeof key], BudgetOverview["externalFunding"][number]>(db, 
      `SELECT source, amount_sek AS amountSek, initiative_id AS initiativeId, on_date AS "on"
       FROM budget_external_funding WHERE focus_area = @focusArea AND year = @year ORDER BY position`,
    )
    .all(key);
  const reflections = prepared<[typeof key], BudgetOverview["reflections"][number]>(db, 
      `SELECT initiative_id AS initiativeId, reflection, value_rating AS valueRating, on_date AS "on"
       FROM budget_reflections WHERE focus_area = @focusArea AND year = @year ORDER BY position`,
    )
    .all(key);
  return {
    focusArea,
    year,
    status: row.status,
    lines,
    proposedTotalSek: row.proposed_total_sek,
    approvedTotalSek: row.status === "approved" ? sumOf(lines) : null,
    decision: row.decision === null ? null : (JSON.parse(row.decision) as DecisionRef),
    amendments: amendments.map((a) => ({ ...a, decision: JSON.parse(a.decision) as DecisionRef })),
    externalFunding,
    externalFundingTotalSek: sumOf(externalFunding),
    reflections,
  };
}

const sumOf = (amounts: ReadonlyArray<{ readonly amountSek: number }>) => amounts.reduce((sum, a) => sum + a.amountSek, 0);

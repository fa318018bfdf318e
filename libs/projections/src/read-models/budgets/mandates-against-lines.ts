import type { IsoDate } from "#domain";
import type Database from "better-sqlite3";
import { mandateInForce } from "../mandate-history/queries.js";
import { inOneSnapshot } from "../../runner/read-snapshot.js";
import { linesOf } from "./queries.js";

/**
 * Why a mandate's budget and the budget line that funds its initiative do not agree. A
 * warning for the Core Team to look at, never a rule: a mandate may span two budget years,
 * and a line may fund more than the mandate names.
 */
export type MandateBudgetWarning =
  "mandate-budget-exceeds-line" | "mandate-budget-below-line" | "mandate-without-budget" | "no-mandate-in-force";

export interface MandateAgainstLine {
  readonly initiativeId: string;
  /** The lines in force at `asOf` that name the initiative, and their total. */
  readonly lineIds: ReadonlyArray<string>;
  readonly lineTotalSek: number;
  /** The mandate in force on the day compared, as known at `asOf`; null when none. */
  readonly mandateId: string | null;
  readonly mandateBudgetSek: number | null;
  /** null when the mandate's budget equals the line total. */
  readonly warning: MandateBudgetWarning | null;
}

/** The day mandates are compared on: `at`, brought within the budget's year when it lies outside it. */
export const comparedOn = (year: number, at: IsoDate): IsoDate => {
  const first = `${year}-01-01` as IsoDate;
  const last = `${year}-12-31` as IsoDate;
  return at < first ? first : at > last ? last : at;
};

/**
 * For each initiative a budget line funds (the lines in force at `asOf`), the mandate in
 * force on `at` (within the budget's year) as known at `asOf`, and whether its budget
 * matches the lines: read from the budgets and the mandate-history read models.
 */
export function mandatesAgainstLines(
  db: Database.Database,
  focusArea: string,
  year: number,
  options: { readonly asOf?: string; readonly at: IsoDate },
): ReadonlyArray<MandateAgainstLine> {
  return inOneSnapshot(db, () => {
    const byInitiative = new Map<string, { lineIds: string[]; lineTotalSek: number }>();
    for (const line of linesOf(db, { focusArea, year, asOf: options.asOf ?? null })) {
      if (line.initiativeId === null) continue;
      const sum = byInitiative.get(line.initiativeId) ?? { lineIds: [], lineTotalSek: 0 };
      byInitiative.set(line.initiativeId, {
        lineIds: [...sum.lineIds, line.lineId],
        lineTotalSek: sum.lineTotalSek + line.amountSek,
      });
    }
    const on = comparedOn(year, options.at);
    return [...byInitiative].map(([initiativeId, lines]) => {
      const mandate = mandateInForce(db, initiativeId, { ...(options.asOf ? { asOf: options.asOf } : {}), at: on });
      const mandateBudgetSek = mandate?.budgetSek ?? null;
      return {
        initiativeId,
        ...lines,
        mandateId: mandate?.mandateId ?? null,
        mandateBudgetSek,
        warning: warningOf(mandate === null, mandateBudgetSek, lines.lineTotalSek),
      };
    });
  });
}

const warningOf = (noMandate: boolean, mandateBudgetSek: number | null, lineTotalSek: number): MandateBudgetWarning | null => {
  if (noMandate) return "no-mandate-in-force";
  if (mandateBudgetSek === null) return "mandate-without-budget";
  if (mandateBudgetSek > lineTotalSek) return "mandate-budget-exceeds-line";
  return mandateBudgetSek < lineTotalSek ? "mandate-budget-below-line" : null;
};

import type { IsoDate, MandateTerms, Steering } from "#domain";

export type MandateChange = "granted" | "amended" | "renewed" | "revoked";

/** A row of `mandate_versions`, as written and as read. */
export interface MandateVersionRow {
  readonly initiative_id: string;
  readonly mandate_id: string;
  readonly version: number;
  readonly change: MandateChange;
  readonly scope: string;
  readonly boundaries: string;
  readonly principles: string;
  readonly steering: Steering;
  readonly budget_sek: number | null;
  readonly valid_from: IsoDate;
  readonly valid_until: IsoDate | null;
  readonly revoked_from: IsoDate | null;
  readonly effective_from: IsoDate;
  readonly changes: string | null;
  readonly reason: string | null;
  readonly triggered_by: string | null;
  readonly decision: string | null;
  readonly recorded_at: string;
  readonly position: number;
}

type TermColumns = Pick<MandateVersionRow, "scope" | "boundaries" | "principles" | "steering" | "budget_sek">;

export const termsOfRow = (row: TermColumns): MandateTerms => ({
  scope: JSON.parse(row.scope) as string[],
  boundaries: JSON.parse(row.boundaries) as string[],
  principles: JSON.parse(row.principles) as string[],
  steering: row.steering,
  ...(row.budget_sek === null ? {} : { budgetSek: row.budget_sek }),
});

export const termColumns = (terms: MandateTerms): TermColumns => ({
  scope: JSON.stringify(terms.scope),
  boundaries: JSON.stringify(terms.boundaries),
  principles: JSON.stringify(terms.principles),
  steering: terms.steering,
  budget_sek: terms.budgetSek ?? null,
});

/** Optional JSON payload parts (decision, trigger, changes) are NULL when absent. */
export const jsonOrNull = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

import { paths } from "../../router";

/**
 * The budget page's choices, kept in the address so a view can be sent on:
 * `/budget?ar=2025` (and `&omrade=<focus area>` when the person sees more than one).
 * Default: the first focus area, and the most recent year that has a budget (defaultYear).
 */
export interface BudgetView {
  /** The year asked for in the address; null: none asked for. */
  readonly year: number | null;
  readonly focusArea: string | null;
}

export function parseView(search: string): BudgetView {
  const query = new URLSearchParams(search);
  const year = Number(query.get("ar"));
  return {
    year: query.has("ar") && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    focusArea: query.get("omrade"),
  };
}

/**
 * The year shown when none is asked for: this year's budget if there is one, else the most
 * recent earlier year's, else next year's (proposed the year before), else this year (which
 * then says plainly that there is none). Nobody lands on "no budget" while one exists.
 */
export function defaultYear(thisYear: number, withBudget: ReadonlySet<number>): number {
  if (withBudget.has(thisYear)) return thisYear;
  const earlier = [...withBudget].filter((year) => year < thisYear).sort((a, b) => b - a)[0];
  if (earlier !== undefined) return earlier;
  return withBudget.has(thisYear + 1) ? thisYear + 1 : thisYear;
}

export function viewPath(view: BudgetView): string {
  const query = new URLSearchParams();
  if (view.year !== null) query.set("ar", String(view.year));
  if (view.focusArea !== null) query.set("omrade", view.focusArea);
  const text = query.toString();
  return text ? `${paths.budget}?${text}` : paths.budget;
}

export const budgetPath = (focusArea: string, year: number) => `/api/v1/budgets/${encodeURIComponent(focusArea)}/${year}`;

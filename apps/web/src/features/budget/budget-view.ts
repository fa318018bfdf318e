import { paths } from "../../router";

/**
 * The budget page's choices, kept in the address so a view can be sent on:
 * `/budget?ar=2025` (and `&omrade=<focus area>` when the person sees more than one).
 * Default: this year, the first focus area.
 */
export interface BudgetView {
  readonly year: number;
  readonly focusArea: string | null;
}

export function parseView(search: string, thisYear: number): BudgetView {
  const query = new URLSearchParams(search);
  const year = Number(query.get("ar"));
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : thisYear,
    focusArea: query.get("omrade"),
  };
}

export function viewPath(view: BudgetView, thisYear: number): string {
  const query = new URLSearchParams();
  if (view.year !== thisYear) query.set("ar", String(view.year));
  if (view.focusArea !== null) query.set("omrade", view.focusArea);
  const text = query.toString();
  return text ? `${paths.budget}?${text}` : paths.budget;
}

/** A focus area's name from its key: `alla-barn-och-unga-lyckas` → "Alla barn och unga lyckas". */
export const areaName = (key: string): string => {
  const words = key.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const budgetPath = (focusArea: string, year: number) => `/api/v1/budgets/${encodeURIComponent(focusArea)}/${year}`;

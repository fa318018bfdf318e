import type { MandateState } from "../../components/initiative-state";
import { paths } from "../../router";
import { parseTime, timedLink } from "../../time-travel/time";
import { type PortfolioRow, type SortColumn } from "./portfolio-rows";

/**
 * How the portfolio is shown, kept in the address (in Swedish, as the paths are), so a view
 * can be bookmarked or sent to a colleague: `/portfolj?sortering=signaler&ordning=fallande&uppmarksamhet=ja`.
 */
export interface PortfolioView {
  readonly sort: SortColumn;
  readonly descending: boolean;
  readonly attentionOnly: boolean;
  readonly mandate: MandateState["kind"] | "all";
  readonly overdueOnly: boolean;
}

const SORT_PARAMETER: Record<SortColumn, string> = {
  name: "namn",
  mandate: "mandat",
  checkIn: "avstamning",
  signals: "signaler",
  tensions: "spanningar",
};

const MANDATE_PARAMETER: Record<MandateState["kind"], string> = {
  "in-force": "galler",
  expiring: "loper-ut",
  none: "inget",
};

const YES = "ja";

const keyOf = <K extends string>(table: Record<K, string>, value: string | null): K | undefined =>
  (Object.keys(table) as K[]).find((key) => table[key] === value);

export function parseView(search: string): PortfolioView {
  const query = new URLSearchParams(search);
  return {
    sort: keyOf(SORT_PARAMETER, query.get("sortering")) ?? "name",
    descending: query.get("ordning") === "fallande",
    attentionOnly: query.get("uppmarksamhet") === YES,
    mandate: keyOf(MANDATE_PARAMETER, query.get("mandat")) ?? "all",
    overdueOnly: query.get("forsenad") === YES,
  };
}

/** The address of a view: only what differs from the default, so the plain page stays `/portfolj`. */
export function viewPath(view: PortfolioView): string {
  const query = new URLSearchParams();
  if (view.sort !== "name") query.set("sortering", SORT_PARAMETER[view.sort]);
  if (view.descending) query.set("ordning", "fallande");
  if (view.attentionOnly) query.set("uppmarksamhet", YES);
  if (view.mandate !== "all") query.set("mandat", MANDATE_PARAMETER[view.mandate]);
  if (view.overdueOnly) query.set("forsenad", YES);
  const text = query.toString();
  return text ? `${paths.portfolio}?${text}` : paths.portfolio;
}

/** The view's address at the time the page shows now (the time machine's `galler`, `kant`). */
const viewPathHere = (view: PortfolioView): string => timedLink(viewPath(view), parseTime(window.location.search));

/**
 * Shows another view: a new entry in the history, so Back returns to the previous one. The
 * router's `navigate` would also scroll to the top, which a sort or a filter must not do: the
 * person is at the table. A popstate tells the router's subscribers the same way Back does.
 */
export function showView(view: PortfolioView): void {
  const path = viewPathHere(view);
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", path);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

export const matchesView = (row: PortfolioRow, view: PortfolioView): boolean =>
  (!view.attentionOnly || row.needsAttention) &&
  (view.mandate === "all" || row.mandate.kind === view.mandate) &&
  (!view.overdueOnly || row.checkIn.kind !== "scheduled");

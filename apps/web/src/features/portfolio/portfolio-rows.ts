import {
  type CheckInState,
  type MandateState,
  type WithLastCheckIn,
  checkInLate,
  checkInState,
  mandateState,
} from "../../components/initiative-state";
import { byName, daysBetween } from "../../i18n/format";

/** A tension this intense or more asks for the Core Team's attention on its own. */
export const HIGH_INTENSITY = 4;

/** One initiative of the portfolio, as its row shows it. */
export interface PortfolioRow {
  readonly id: string;
  readonly name: string;
  readonly mandate: MandateState;
  readonly checkIn: CheckInState;
  readonly signals: { readonly count: number; readonly oldestDays: number | null };
  readonly tensions: { readonly count: number; readonly highest: number | null; readonly mean: number | null };
  readonly needsAttention: boolean;
}

export function portfolioRow(overview: WithLastCheckIn, today: string): PortfolioRow {
  const mandate = mandateState(overview, today);
  const checkIn = checkInState(overview);
  const observed = overview.unansweredSignals.map((signal) => signal.observedOn).sort();
  const intensities = overview.openTensions.map((tension) => tension.intensity);
  const highest = intensities.length > 0 ? Math.max(...intensities) : null;
  const mean = intensities.length > 0 ? intensities.reduce((sum, value) => sum + value, 0) / intensities.length : null;
  return {
    id: overview.id,
    name: overview.name,
    mandate,
    checkIn,
    signals: { count: observed.length, oldestDays: observed[0] ? daysBetween(observed[0], today) : null },
    tensions: { count: intensities.length, highest, mean },
    needsAttention:
      mandate.kind !== "in-force" || checkInLate(checkIn) || observed.length > 0 || (highest ?? 0) >= HIGH_INTENSITY,
  };
}

export const SORT_COLUMNS = ["name", "mandate", "checkIn", "signals", "tensions"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

const MANDATE_ORDER: Record<MandateState["kind"], number> = { none: 0, expiring: 1, "in-force": 2 };
const CHECK_IN_ORDER: Record<CheckInState["kind"], number> = { overdue: 0, "never-held": 1, scheduled: 2 };

/** A date that sorts after every real one: no date agreed is the least urgent. */
const NO_DATE = "9999-12-31";

/** Ascending is "most urgent first" for the states, "fewest first" for the counts, A to Ö for names. */
const COMPARE: Record<SortColumn, (a: PortfolioRow, b: PortfolioRow) => number> = {
  name: byName,
  mandate: (a, b) =>
    MANDATE_ORDER[a.mandate.kind] - MANDATE_ORDER[b.mandate.kind] ||
    ("validUntil" in a.mandate ? (a.mandate.validUntil ?? NO_DATE) : "").localeCompare(
      "validUntil" in b.mandate ? (b.mandate.validUntil ?? NO_DATE) : "",
    ),
  checkIn: (a, b) =>
    CHECK_IN_ORDER[a.checkIn.kind] - CHECK_IN_ORDER[b.checkIn.kind] ||
    (a.checkIn.due ?? NO_DATE).localeCompare(b.checkIn.due ?? NO_DATE),
  signals: (a, b) => a.signals.count - b.signals.count || (a.signals.oldestDays ?? -1) - (b.signals.oldestDays ?? -1),
  tensions: (a, b) =>
    a.tensions.count - b.tensions.count ||
    (a.tensions.highest ?? 0) - (b.tensions.highest ?? 0) ||
    (a.tensions.mean ?? 0) - (b.tensions.mean ?? 0),
};

/** The rows in the column's order, names breaking ties so the order never depends on the API's. */
export function sortRows(rows: ReadonlyArray<PortfolioRow>, column: SortColumn, descending: boolean): PortfolioRow[] {
  const direction = descending ? -1 : 1;
  return [...rows].sort((a, b) => direction * COMPARE[column](a, b) || byName(a, b));
}

import type { InitiativeOverview } from "../api/types";
import { daysBetween } from "../i18n/format";

// What an initiative's overview says needs the Core Team's or the lead's attention, derived
// the same way on To do and on the portfolio, so both pages agree on every initiative.

/** How far ahead a mandate's end is worth a reminder: time to renew it at a Core Team meeting. */
export const MANDATE_HORIZON_DAYS = 60;

/** How far ahead a check-in counts as due on To do. */
export const CHECK_IN_DUE_SOON_DAYS = 14;

/** The overview's last check-in (GET /initiatives/{id} answers it; the shared type leaves it out). */
export type WithLastCheckIn = InitiativeOverview & { readonly lastCheckIn?: { readonly heldOn: string } | null };

export type MandateState =
  | { readonly kind: "none" }
  | { readonly kind: "expiring"; readonly validUntil: string; readonly daysLeft: number }
  | { readonly kind: "in-force"; readonly validUntil: string | null };

/** The mandate in force today: none, ending within the horizon, or in force beyond it. */
export function mandateState(overview: InitiativeOverview, today: string): MandateState {
  const mandate = overview.mandate;
  if (!mandate) return { kind: "none" };
  const until = mandate.validUntil;
  if (until !== null) {
    const daysLeft = daysBetween(today, until);
    if (daysLeft >= 0 && daysLeft <= MANDATE_HORIZON_DAYS) return { kind: "expiring", validUntil: until, daysLeft };
  }
  return { kind: "in-force", validUntil: until };
}

/**
 * The check-in: overdue (its day has passed), never held (no check-in yet, whether or not a
 * cadence sets a first day: the overview cannot be overdue without a day, but an initiative
 * nobody has checked in with wants attention all the same), or the next day it is due (null
 * when no cadence or date is agreed).
 */
export type CheckInState =
  | { readonly kind: "overdue"; readonly due: string | null }
  | { readonly kind: "never-held"; readonly due: string | null }
  | { readonly kind: "scheduled"; readonly due: string | null };

export function checkInState(overview: WithLastCheckIn): CheckInState {
  const due = overview.nextCheckInDue;
  if (overview.checkInOverdue) return { kind: "overdue", due };
  if (overview.lastCheckIn === null) return { kind: "never-held", due };
  return { kind: "scheduled", due };
}

/** Overdue or never held: the portfolio's "check-in overdue" and To do's first concern. */
export const checkInLate = (state: CheckInState): boolean => state.kind !== "scheduled";

/** Late, or due within the next CHECK_IN_DUE_SOON_DAYS days. */
export function checkInDue(state: CheckInState, today: string): boolean {
  if (checkInLate(state)) return true;
  return state.due !== null && daysBetween(today, state.due) <= CHECK_IN_DUE_SOON_DAYS;
}

import { daysBetween, todayInStockholm } from "../../i18n/format";

/** The day an instant falls on in Stockholm, as `YYYY-MM-DD`. */
export const dayInStockholm = (instant: string): string =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );

/** Whole days a signal has waited since it was submitted, today in Stockholm. */
export const daysWaiting = (submittedAt: string): number =>
  Math.max(0, daysBetween(dayInStockholm(submittedAt), todayInStockholm()));

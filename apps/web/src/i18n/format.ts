import type { Language } from "./messages";

/** Dates as the users read them: in Stockholm, whatever the browser's zone. */
const TIME_ZONE = "Europe/Stockholm";

const LOCALES: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };

/** A calendar date (`2026-03-01`) or an instant, as a date in the language. */
export function formatDate(value: string, language: Language): string {
  // A bare date is a day in Stockholm: read it at noon UTC so no zone moves it to another day.
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "long", timeZone: TIME_ZONE }).format(instant);
}

/** Today in Stockholm, as `YYYY-MM-DD` (the Swedish format is ISO's). */
export const todayInStockholm = (): string => dayInStockholm(Date.now());

/** The day an instant falls on in Stockholm, as `YYYY-MM-DD`. */
export const dayInStockholm = (instant: string | number): string =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(instant),
  );

/** `day` (`YYYY-MM-DD`) moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both `YYYY-MM-DD`. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Names sort the Swedish way (å, ä, ö last) in both languages: they are Swedish names. */
const collator = new Intl.Collator("sv");
export const byName = <T extends { readonly name: string }>(a: T, b: T): number => collator.compare(a.name, b.name);

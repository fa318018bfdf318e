import type { Language } from "../i18n/messages";

// Figures in the person's language: Swedish with a decimal comma and a space between thousands
// ("12 000 kr", "3,5"), English with a point and commas ("SEK 12,000", "3.5").

const LOCALES: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };

/** A number, with at most `decimals` decimals (1 unless told). */
export const formatNumber = (value: number, language: Language, decimals = 1): string =>
  new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: decimals }).format(value);

/** Whole kronor: "12 000 kr" in Swedish, "SEK 12,000" in English. */
export const formatSek = (value: number, language: Language): string =>
  new Intl.NumberFormat(LOCALES[language], { style: "currency", currency: "SEK", maximumFractionDigits: 0 }).format(value);

/** A month as "sep. 2024" / "Sep 2024", from its first day (`2024-09-01`). */
export const formatMonth = (firstDay: string, language: Language): string =>
  new Intl.DateTimeFormat(LOCALES[language], { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${firstDay}T12:00:00Z`),
  );

/** The ISO week number and its year of a Monday (`2024-09-09` → [37, 2024]). */
export function isoWeek(monday: string): readonly [week: number, year: number] {
  const date = new Date(`${monday}T12:00:00Z`);
  // The week's Thursday decides its year (ISO 8601).
  const thursday = new Date(date);
  thursday.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() + 3 - ((firstThursday.getUTCDay() + 6) % 7));
  return [1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000)), year];
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: ReadonlyArray<number>): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * A registration series (diarieserie) as the deployment configures it: a pattern with `{n}`,
 * the running number of the year, and optionally `{year}`, e.g. `SHK {year}/{n}` gives
 * `SHK 2024/12`. Numbers run 1, 2, 3, ... within each year, without gaps.
 */
export const DEFAULT_REGISTRATION_SERIES = "{year}/{n}";

/** Why `pattern` cannot be a series, or undefined when it can. */
export const registrationSeriesProblem = (pattern: string): string | undefined => {
  if (pattern.trim().length === 0 || pattern.length > 100) return "must be 1 to 100 characters";
  const placeholders = pattern.match(/\{[^}]*\}/g) ?? [];
  if (placeholders.filter((p) => p === "{n}").length !== 1) return "must contain {n} exactly once";
  if (placeholders.filter((p) => p === "{year}").length > 1) return "may contain {year} at most once";
  const unknown = placeholders.find((p) => p !== "{n}" && p !== "{year}");
  if (unknown) return `knows only {n} and {year}, not ${unknown}`;
  if (/[{}]/.test(pattern.replace(/\{n\}|\{year\}/g, ""))) return "has a brace outside {n} and {year}";
  return undefined;
};

export const formatRegistrationNumber = (pattern: string, year: number, n: number): string =>
  pattern.replace("{year}", String(year)).replace("{n}", String(n));

import { isoDate } from "#domain";
import { parseInstant } from "#platform";
import { CliError, EXIT } from "./exit-codes.js";

/** The time options. A value that is not one, a day the calendar lacks (2024-02-30) included, is a usage error. */

/** `--at`: valid time, a calendar date. */
export function dateOption(flag: string, text: string | undefined): string | undefined {
  if (text === undefined || isoDate.safeParse(text).success) return text;
  throw invalid(flag, text, "a date (YYYY-MM-DD)");
}

/**
 * `--asOf`, `--from`, `--to`: recorded time, an instant with its offset, or a date meaning
 * the start or the end (`edge`) of that day in Stockholm. Returned as a UTC instant.
 */
export function instantOption(flag: string, text: string | undefined, edge: "start" | "end"): string | undefined {
  if (text === undefined) return undefined;
  const instant = parseInstant(text, edge);
  if (instant === undefined)
    throw invalid(flag, text, "a date (YYYY-MM-DD) or an instant with its offset (2024-10-20T14:00:00+02:00)");
  return instant;
}

const invalid = (flag: string, text: string, expected: string): CliError =>
  new CliError(EXIT.usage, `${flag} takes ${expected}, not "${text}"`);

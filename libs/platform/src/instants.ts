import { calendarDate } from "#domain";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC instant at which a calendar day ends in Stockholm (Sweden is UTC+1 or UTC+2). */
export function endOfStockholmDay(date: string): string {
  for (const offset of ["+01:00", "+02:00"]) {
    const candidate = new Date(`${date}T23:59:59.999${offset}`);
    if (calendarDate(candidate) === date && calendarDate(new Date(candidate.getTime() + 1)) !== date) {
      return candidate.toISOString();
    }
  }
  throw new Error(`${date} is not a calendar date`);
}

/** The UTC instant at which a calendar day starts in Stockholm. */
export function startOfStockholmDay(date: string): string {
  const dayBefore = new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return new Date(Date.parse(endOfStockholmDay(dayBefore)) + 1).toISOString();
}

/**
 * An instant as users write it: ISO-8601 with an offset is taken as given; a bare date
 * means the start or the end of that day in Stockholm ("as we knew it on 15 February" is
 * the end of that day). Undefined when the text is neither.
 */
export function parseInstant(text: string, edge: "start" | "end"): string | undefined {
  if (DATE.test(text)) {
    if (Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return undefined;
    return edge === "end" ? endOfStockholmDay(text) : startOfStockholmDay(text);
  }
  if (!/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

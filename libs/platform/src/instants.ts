import { endOfStockholmDay, isoDate, startOfStockholmDay } from "#domain";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT_WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T.+(Z|[+-]\d{2}:?\d{2})$/;

/** `Date.parse` rolls 2025-02-30 over into March; the domain's date schema knows the calendar. */
const isCalendarDate = (date: string): boolean => isoDate.safeParse(date).success;

/**
 * An instant as users write it: ISO-8601 with an offset is taken as given; a bare date
 * means the start or the end of that day in Stockholm ("as we knew it on 15 February" is
 * the end of that day). Undefined when the text is neither, or names a day the calendar
 * does not have (2025-02-30).
 */
export function parseInstant(text: string, edge: "start" | "end"): string | undefined {
  if (DATE.test(text)) {
    if (!isCalendarDate(text)) return undefined;
    return edge === "end" ? endOfStockholmDay(text) : startOfStockholmDay(text);
  }
  const date = INSTANT_WITH_OFFSET.exec(text)?.[1];
  if (date === undefined || !isCalendarDate(date)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

import { CALENDAR_TIME_ZONE, calendarDate } from "#domain";
import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Recorded time. An instant (ISO-8601 with offset) is taken as given; a bare date means
 * "as we knew it on that day", that is the end of that day in Stockholm.
 */
export const asOfParameter = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => (DATE.test(value) ? endOfStockholmDay(value) : new Date(value).toISOString()))
  .describe("Recorded time (instant, or a date meaning the end of that day in Stockholm); default: now");

/** Valid time: a calendar date; default today in Stockholm. */
export const atParameter = z.iso.date().describe("Valid time (YYYY-MM-DD); default: today");

export const minPositionParameter = z.coerce
  .number()
  .int()
  .min(0)
  .describe("Wait up to 5 s for the read models to reach this log position (e.g. a write's Log-Position)");

export const timeTravelQuery = z.strictObject({
  asOf: asOfParameter.optional(),
  at: atParameter.optional(),
  minPosition: minPositionParameter.optional(),
});

export const today = (): string => calendarDate(new Date());

export function endOfStockholmDay(date: string): string {
  // The UTC instant at which `date` ends in Stockholm: try both offsets Sweden uses.
  for (const offset of ["+01:00", "+02:00"]) {
    const candidate = new Date(`${date}T23:59:59.999${offset}`);
    if (calendarDate(candidate) === date && calendarDate(new Date(candidate.getTime() + 1)) !== date) return candidate.toISOString();
  }
  throw new Error(`Cannot place the end of ${date} in ${CALENDAR_TIME_ZONE}`);
}

/** Query parameters of reads that only wait for a position. */
export const freshQuery = z.strictObject({ minPosition: minPositionParameter.optional() });

/** Query parameters of reads on recorded time. */
export const asOfQuery = z.strictObject({ asOf: asOfParameter.optional(), minPosition: minPositionParameter.optional() });

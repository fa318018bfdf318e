import { calendarDate } from "#domain";
import { parseInstant } from "#platform";
import { z } from "zod";

/**
 * Recorded time. An instant (ISO-8601 with offset) is taken as given; a bare date means
 * "as we knew it on that day", that is the end of that day in Stockholm.
 */
export const asOfParameter = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => parseInstant(value, "end")!)
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

/** Query parameters of reads that only wait for a position. */
export const freshQuery = z.strictObject({ minPosition: minPositionParameter.optional() });

/** Query parameters of reads on recorded time. */
export const asOfQuery = z.strictObject({ asOf: asOfParameter.optional(), minPosition: minPositionParameter.optional() });

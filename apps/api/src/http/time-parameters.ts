import { CALENDAR_RANGE, bilingual, isoDate, isoInstant } from "#domain";
import { parseInstant } from "#platform";
import { z } from "zod";

/**
 * An instant of recorded time as a query takes it: ISO-8601 with its offset, taken as given,
 * or a bare date meaning the start or the end of that day in Stockholm; within the calendar's
 * range, on a day the calendar has, or one issue that says so.
 */
export const recordedInstant = (edge: "start" | "end") =>
  z
    // The date form unrefined: the transform checks the range of both forms, in one message.
    .union([isoInstant, z.iso.date()])
    .transform((value, context) => {
      const instant = parseInstant(value, edge);
      // An instant of a day the calendar does not have (2025-02-30T10:00Z), or beyond its range.
      if (instant === undefined) {
        context.issues.push({
          code: "custom",
          input: value,
          ...bilingual(
            `an instant from ${CALENDAR_RANGE.from} to ${CALENDAR_RANGE.to}, on a day the calendar has`,
            `en tidpunkt från ${CALENDAR_RANGE.from} till ${CALENDAR_RANGE.to}, en dag som finns i kalendern`,
          ),
        });
        return z.NEVER;
      }
      return instant;
    });

/**
 * Recorded time. An instant (ISO-8601 with offset) is taken as given; a bare date means
 * "as we knew it on that day", that is the end of that day in Stockholm.
 */
export const asOfParameter = recordedInstant("end").describe(
  "Recorded time (instant, or a date meaning the end of that day in Stockholm); default: now",
);

/** Valid time: a calendar date; default today in Stockholm. */
export const atParameter = isoDate.describe("Valid time (YYYY-MM-DD); default: today");

/** How long a read with `minPosition` waits for the read models it reads (docs/api.md "Reads": 5 s). */
export const MIN_POSITION_TIMEOUT_MS = 5_000;

export const minPositionParameter = z.coerce
  .number()
  .int()
  .min(0)
  .describe(
    `Wait up to ${MIN_POSITION_TIMEOUT_MS / 1000} s for the read models to reach this log position (e.g. a write's Log-Position)`,
  );

export const timeTravelQuery = z.strictObject({
  asOf: asOfParameter.optional(),
  at: atParameter.optional(),
  minPosition: minPositionParameter.optional(),
});

export { today } from "../runtime/today.js";

/** Query parameters of reads that only wait for a position. */
export const freshQuery = z.strictObject({ minPosition: minPositionParameter.optional() });

/** Query parameters of reads on recorded time. */
export const asOfQuery = z.strictObject({ asOf: asOfParameter.optional(), minPosition: minPositionParameter.optional() });

import { type IsoDate, calendarDate, endOfStockholmDay, startOfStockholmDay } from "#domain";

interface Day {
  readonly date: IsoDate;
  /** The day's first and last millisecond, UTC. */
  readonly from: number;
  readonly to: number;
}

let lastDay: Day | undefined;

/**
 * calendarDate, remembering the day it last answered with its bounds: every command asks
 * for today, and Intl's formatting cost a few µs a call (a twentieth of a command in the
 * bench's profile), though the answer changes once a day. Any instant outside the day
 * remembered, earlier or later, is asked of calendarDate itself.
 */
export const calendarDateOf = (instant: Date): IsoDate => {
  const time = instant.getTime();
  if (lastDay !== undefined && time >= lastDay.from && time <= lastDay.to) return lastDay.date;
  const date = calendarDate(instant);
  lastDay = dayOf(date);
  return date;
};

/** The day's bounds; undefined where the calendar cannot tell them (before Sweden kept whole-hour offsets). */
const dayOf = (date: IsoDate): Day | undefined => {
  try {
    return { date, from: Date.parse(startOfStockholmDay(date)), to: Date.parse(endOfStockholmDay(date)) };
  } catch {
    return undefined;
  }
};

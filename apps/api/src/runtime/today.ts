import { type IsoDate, calendarDate, endOfStockholmDay, startOfStockholmDay } from "#domain";

let day: { readonly date: IsoDate; readonly startsAt: number; readonly endsAt: number } | undefined;

/**
 * Today's date in Stockholm, the collaboration's calendar. Formatting a date in a time zone
 * takes longer than the rest of a cached read, so the date is kept with the instants its
 * day starts and ends at, and read again once the clock is outside them (a new day, or a
 * clock set back).
 */
export function today(): IsoDate {
  const now = Date.now();
  if (day === undefined || now < day.startsAt || now > day.endsAt) {
    const date = calendarDate(new Date(now));
    day = { date, startsAt: Date.parse(startOfStockholmDay(date)), endsAt: Date.parse(endOfStockholmDay(date)) };
  }
  return day.date;
}

import { type IsoDate } from "#domain";
import { calendarDateOf } from "#application";

/**
 * Today's date in Stockholm, the collaboration's calendar: remembered for the day, because
 * formatting a date in a time zone took longer than the rest of a cached read.
 */
export const today = (): IsoDate => calendarDateOf(new Date());

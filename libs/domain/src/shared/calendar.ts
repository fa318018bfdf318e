/** ISO calendar dates (YYYY-MM-DD) compare correctly as strings; these keep that explicit. */
export type IsoDate = string;

/** The collaboration's calendar is Swedish: "today" is today in Stockholm, not in UTC. */
export const CALENDAR_TIME_ZONE = "Europe/Stockholm";

const dateInZone = new Intl.DateTimeFormat("sv-SE", {
  timeZone: CALENDAR_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Stockholm at `instant`. */
export const calendarDate = (instant: Date): IsoDate => dateInZone.format(instant);

export const addDays = (date: IsoDate, days: number): IsoDate => {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
};

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
  return new Date(Date.parse(endOfStockholmDay(addDays(date, -1))) + 1).toISOString();
}

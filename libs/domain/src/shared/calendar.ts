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

let cachedMinute = Number.NaN;
let cachedDate: IsoDate = "";

/** The calendar date in Stockholm at `instant`; memoised per minute, Intl is slow. */
export const calendarDate = (instant: Date): IsoDate => {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== cachedMinute) {
    cachedDate = dateInZone.format(instant);
    cachedMinute = minute;
  }
  return cachedDate;
};

export const addDays = (date: IsoDate, days: number): IsoDate => {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
};

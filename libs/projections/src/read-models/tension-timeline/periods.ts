import { type IsoDate, addDays } from "#domain";

export type TimelineBucket = "week" | "month";

export interface Period {
  readonly start: IsoDate;
  /** The last day of the period, inclusive. */
  readonly end: IsoDate;
}

/** The first day of the period containing `date`: the Monday of its ISO-8601 week, or the 1st of its month. */
export const periodStart = (date: IsoDate, bucket: TimelineBucket): IsoDate => {
  if (bucket === "month") return `${date.slice(0, 7)}-01`;
  const daysSinceMonday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -daysSinceMonday);
};

const nextPeriodStart = (start: IsoDate, bucket: TimelineBucket): IsoDate => {
  if (bucket === "week") return addDays(start, 7);
  const next = new Date(`${start}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return next.toISOString().slice(0, 10);
};

/** Every period from the one containing `from` to the one containing `to`, both included; none when `from` is after `to`. */
export const periodsBetween = (from: IsoDate, to: IsoDate, bucket: TimelineBucket): Period[] => {
  const periods: Period[] = [];
  if (from > to) return periods;
  for (let start = periodStart(from, bucket); start <= to;) {
    const next = nextPeriodStart(start, bucket);
    periods.push({ start, end: addDays(next, -1) });
    start = next;
  }
  return periods;
};

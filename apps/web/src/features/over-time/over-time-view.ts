import { paths } from "../../router";

/**
 * The tension timeline's choices, kept in the address (in Swedish, as the paths are) so a
 * view can be sent on: `/initiativ/{id}/over-tid?per=vecka&ar=2`. Default: per month, the last year.
 */
export type Bucket = "week" | "month";

export const SPANS = [1, 2, 3, 5] as const;

export interface OverTimeView {
  readonly bucket: Bucket;
  readonly years: (typeof SPANS)[number];
}

export function parseView(search: string): OverTimeView {
  const query = new URLSearchParams(search);
  const years = Number(query.get("ar"));
  return {
    bucket: query.get("per") === "vecka" ? "week" : "month",
    years: SPANS.find((span) => span === years) ?? 1,
  };
}

export function viewPath(id: string, view: OverTimeView): string {
  const query = new URLSearchParams();
  if (view.bucket === "week") query.set("per", "vecka");
  if (view.years !== 1) query.set("ar", String(view.years));
  const text = query.toString();
  return text ? `${paths.overTime(id)}?${text}` : paths.overTime(id);
}

/** `date` (`YYYY-MM-DD`) `years` years earlier; 29 February becomes the 28th. */
export function yearsBefore(date: string, years: number): string {
  const [year, month, day] = date.split("-");
  const earlier = `${Number(year) - years}-${month}-${day}`;
  return month === "02" && day === "29" ? earlier.replace(/-29$/, "-28") : earlier;
}

/**
 * The timeline's address: the API's own default period (a year up to today) for the last
 * year, else from as many years before today.
 */
export const timelinePath = (initiativePath: string, view: OverTimeView, today: string): string =>
  `${initiativePath}/tensions/timeline?bucket=${view.bucket}${view.years === 1 ? "" : `&from=${yearsBefore(today, view.years)}&to=${today}`}`;

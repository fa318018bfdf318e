// The time machine's values, kept in the address so a view of the past can be sent on:
// `galler` (Gällande den / In force on, a date: the API's `at`) and `kant` (Som det var känt
// den / As known on, a Stockholm date and time: the API's `asOf`). No value means today / now.

/**
 * The dates the API takes (libs/domain CALENDAR_RANGE; time.unit.spec.ts checks they agree).
 * Written here rather than imported: the command schemas' chunk would then load with the
 * first page, before zod is told not to compile (zod-setup.ts), which the CSP refuses.
 */
export const CALENDAR_RANGE = { from: "2000-01-01", to: "2100-12-31" } as const;

/** A period of days some pages narrow themselves to (the decision log's meetings): `fran`, `till`. */
export const PERIOD_PARAMETERS = ["fran", "till"] as const;

/** In force on: a date, `YYYY-MM-DD`. */
export const AT_PARAMETER = "galler";
/** As known on: a date and time in Stockholm, `YYYY-MM-DDTHH:mm` (a bare date: the end of that day). */
export const AS_OF_PARAMETER = "kant";

const TIME_ZONE = "Europe/Stockholm";

export interface TimePoint {
  /** In force on (`YYYY-MM-DD`), or null: today. */
  readonly at: string | null;
  /** As known on (`YYYY-MM-DDTHH:mm` or `YYYY-MM-DD`, Stockholm), or null: everything recorded. */
  readonly asOf: string | null;
}

/** A real calendar date written `YYYY-MM-DD`, within the dates the API takes (CALENDAR_RANGE), or null. */
export function parseDate(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  const written = match.slice(1, 4).join("-");
  return real && written >= CALENDAR_RANGE.from && written <= CALENDAR_RANGE.to ? written : null;
}

/**
 * A date and time as people type it (`2024-11-01 12:00`, `2024-11-01T12.00`), as `YYYY-MM-DDTHH:mm`;
 * a bare date as itself (the API reads it as the end of that day); null for anything else.
 */
export function parseDateTime(text: string): string | null {
  const match = /^(\S{10})(?:[T\s]+(\d{1,2})[:.](\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const date = parseDate(match[1]!);
  if (date === null) return null;
  if (match[2] === undefined) return date;
  const [hour, minute] = [Number(match[2]), Number(match[3])];
  if (hour > 23 || minute > 59) return null;
  return `${date}T${String(hour).padStart(2, "0")}:${match[3]}`;
}

/**
 * The time values of the address that cannot be read, by parameter, as written: a page that
 * showed today in their place would show an auditor the present as the past the link meant
 * (App shows UnreadableTimePage instead).
 */
export function unreadableTime(search: string): ReadonlyArray<{ readonly parameter: string; readonly text: string }> {
  const query = new URLSearchParams(search);
  const unread = [];
  for (const [parameter, parse] of [
    [AT_PARAMETER, parseDate],
    [AS_OF_PARAMETER, parseDateTime],
    // The decision log's period (DecisionLogPage), read as dates the same way.
    ...PERIOD_PARAMETERS.map((name) => [name, parseDate] as const),
  ] as const) {
    const text = query.get(parameter);
    // Empty is no value, as parseTime reads it: today, everything known now.
    if (text !== null && text.trim() !== "" && parse(text) === null) unread.push({ parameter, text });
  }
  return unread;
}

/** The time point the address asks for; a value that is no date is left out (today / now). */
export function parseTime(search: string): TimePoint {
  const query = new URLSearchParams(search);
  const at = query.get(AT_PARAMETER);
  const asOf = query.get(AS_OF_PARAMETER);
  return { at: at ? parseDate(at) : null, asOf: asOf ? parseDateTime(asOf) : null };
}

/** Minutes east of UTC in Stockholm at an instant (60 in winter, 120 in summer). */
function stockholmOffset(instant: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((each) => each.type === type)!.value);
  const local = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((local - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The API's `asOf` for a Stockholm "as known on": an instant with its offset for a date and
 * time (`2024-11-01T12:00` → `2024-11-01T11:00:00.000Z`), a bare date as itself (docs/api.md "Reads").
 */
export function asOfForApi(asOf: string): string {
  if (!asOf.includes("T")) return asOf;
  const [date, time] = asOf.split("T") as [string, string];
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the wall time read as UTC is right but for the hour around a change of clocks: look again.
  const first = wall - stockholmOffset(wall) * 60_000;
  return new Date(wall - stockholmOffset(first) * 60_000).toISOString();
}

/** Which of the time parameters an API read takes, and under which name the date goes (`at`, or `to` for the decision log). */
export interface Accepts {
  readonly at?: "at" | "to";
  readonly asOf?: boolean;
}

/** An API path with the time point's `at` / `asOf`, as far as that read takes them. */
export function timedApiPath(path: string, time: TimePoint, accepts: Accepts): string {
  const added = new URLSearchParams();
  if (accepts.at && time.at) added.set(accepts.at, time.at);
  if (accepts.asOf && time.asOf) added.set("asOf", asOfForApi(time.asOf));
  const text = added.toString();
  if (!text) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${text}`;
}

/** An address of this app with the time point's `galler` / `kant`, so the next page shows the same time. */
export function timedLink(href: string, time: TimePoint): string {
  if (!time.at && !time.asOf) return href;
  const [pathAndQuery, hash] = href.split("#", 2) as [string, string | undefined];
  const [path, search = ""] = pathAndQuery.split("?", 2) as [string, string | undefined];
  const query = new URLSearchParams(search);
  query.delete(AT_PARAMETER);
  query.delete(AS_OF_PARAMETER);
  if (time.at) query.set(AT_PARAMETER, time.at);
  if (time.asOf) query.set(AS_OF_PARAMETER, time.asOf);
  return `${path}?${query.toString()}${hash === undefined ? "" : `#${hash}`}`;
}

/** The current address with another time point (the other parameters kept); no value: today / now. */
export function withTime(pathname: string, search: string, time: TimePoint): string {
  const query = new URLSearchParams(search);
  query.delete(AT_PARAMETER);
  query.delete(AS_OF_PARAMETER);
  if (time.at) query.set(AT_PARAMETER, time.at);
  if (time.asOf) query.set(AS_OF_PARAMETER, time.asOf);
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

import { useMemo } from "react";
import { todayInStockholm } from "../i18n/format";
import { useSearch } from "../router";
import { type Accepts, type TimePoint, parseTime, timedApiPath, timedLink } from "./time";

export interface TimeTravel extends TimePoint {
  /** The day the page is for: `at`, else today in Stockholm. */
  readonly day: string;
  /**
   * Whether the page shows another time than now (a chosen in-force date or as-known instant):
   * then it is read only, since nothing can be written in the past.
   */
  readonly inPast: boolean;
  /** An API path with `at` / `asOf` as that read takes them (check docs/api.md for each endpoint). */
  readonly api: (path: string, accepts: Accepts) => string;
  /** An app link that keeps the time (`galler`, `kant`), so moving between pages stays in it. */
  readonly link: (href: string) => string;
}

/** The time point the address asks for (`?galler=2024-10-20&kant=2024-11-01T12:00`), and how to carry it. */
export function useTimeTravel(): TimeTravel {
  const search = useSearch();
  return useMemo(() => {
    const time = parseTime(search);
    return {
      ...time,
      day: time.at ?? todayInStockholm(),
      inPast: time.at !== null || time.asOf !== null,
      api: (path, accepts) => timedApiPath(path, time, accepts),
      link: (href) => timedLink(href, time),
    };
  }, [search]);
}

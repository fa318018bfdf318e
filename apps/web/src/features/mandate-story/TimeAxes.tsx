import { useId, useSyncExternalStore } from "react";
import { useMessages } from "../../i18n/define-messages";
import { addDays, dayInStockholm, daysBetween, formatDate, todayInStockholm } from "../../i18n/format";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import type { Language } from "../../i18n/messages";
import { useLanguage } from "../../i18n/language";
import { messages } from "./messages";
import { type Band, bandOf, firstDayOfCombinedTerms, isBackdated } from "./story";
import { formatDateTime } from "./format";
import type { Change, StoryVersion } from "./types";

// The picture of the mandate's two time axes (docs/web-app.md "The mandate's story"): each
// version a band across the days its terms held (valid time, x) at the height of the instant it
// was recorded (recorded time, y). Both axes share one scale of days, so the dotted diagonal is
// "recorded on the day it takes effect": a band starting left of it was recorded afterwards.

/** Okabe–Ito, safe for colour-blind readers; every band also carries its label, colour is never alone. */
const COLOUR: Record<Change, string> = { granted: "#0072B2", amended: "#E69F00", renewed: "#009E73", revoked: "#D55E00" };
/** Outlines and text dark enough (≥ 3:1 for shapes, ≥ 4.5:1 for text) on white. */
const INK = "#111";

/** The drawing's width in its own units: narrower on a narrow screen, so its text stays readable at 320 px. */
const WIDE = 440;
const NARROW = 300;
const LEFT = 92;
const RIGHT = 12;
const TOP = 40;
const BOTTOM = 56;
const BAND = 14;
const GAP = 44;

const shortDate = (day: string, language: Language) =>
  new Intl.DateTimeFormat(language === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium", timeZone: "Europe/Stockholm" }).format(
    new Date(`${day}T12:00:00Z`),
  );

const monthLabel = (day: string, language: Language) =>
  new Intl.DateTimeFormat(language === "sv" ? "sv-SE" : "en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** Whether the screen is narrow (as styles.css's 30em): the picture is then drawn for it. */
function useNarrow(): boolean {
  const query = "(max-width: 30em)";
  return useSyncExternalStore(
    (listener) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", listener);
      return () => list.removeEventListener("change", listener);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Month starts within [from, to], every so many months that their labels (`gap` units apart at least) never touch. */
function monthTicks(from: string, to: string, unitsPerMonth: number, gap: number): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    const day = `${year}-${String(month).padStart(2, "0")}-01`;
    if (day > to) break;
    months.push(day);
  }
  const step = [1, 2, 3, 4, 6, 12, 24, 60].find((months) => months * unitsPerMonth >= gap) ?? 120;
  return months.filter((_, index) => index % step === 0);
}

/** A version's row in the picture and its table. */
export interface Row {
  readonly version: StoryVersion;
  readonly band: Band;
  readonly recordedDay: string;
  readonly backdatedDays: number | null;
}

export const rowsOf = (versions: ReadonlyArray<StoryVersion>): Row[] =>
  versions.map((version) => {
    const recordedDay = dayInStockholm(version.recordedAt);
    return {
      version,
      band: bandOf(version),
      recordedDay,
      backdatedDays: isBackdated(version) ? daysBetween(version.effectiveFrom, recordedDay) : null,
    };
  });

export function TimeAxes({ versions }: { versions: ReadonlyArray<StoryVersion> }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const hatch = useId().replace(/:/g, "");
  const narrow = useNarrow();
  const width = narrow ? NARROW : WIDE;
  // Open-ended bands run to the day things were known: today, or the day of the time
  // machine's "as known on" (the versions are read as known then; "in force on" cuts nothing).
  const time = useTimeTravel();
  const today = time.asOf?.slice(0, 10) ?? todayInStockholm();
  const rows = rowsOf(versions);
  const combinedFrom = firstDayOfCombinedTerms(versions, today);
  const changeName = (change: Change) => m.change[change] ?? change;
  const until = (row: Row) =>
    row.version.change === "revoked" || (row.band.until !== null && row.band.until < row.band.from)
      ? m.noDays
      : row.band.until === null
        ? m.untilFurtherNotice
        : formatDate(row.band.until, language);

  // One scale of days for both axes, from the first day shown to the last.
  const days = rows.flatMap((row) => [row.band.from, row.recordedDay, row.band.until ?? today, row.band.claimedUntil ?? today]);
  const first = days.reduce((a, b) => (a < b ? a : b));
  const last = days.reduce((a, b) => (a > b ? a : b));
  const span = Math.max(1, daysBetween(first, last));
  const plotWidth = width - LEFT - RIGHT;
  const naturalHeight = Math.max(140, rows.length * GAP);
  const x = (day: string) => LEFT + (daysBetween(first, day) / span) * plotWidth;
  const yOfDay = (day: string) => TOP + (daysBetween(first, day) / span) * naturalHeight;
  // Each band at its recorded instant; two recorded close together are moved apart to be read.
  const ys: number[] = [];
  rows.forEach((row, index) => ys.push(Math.max(yOfDay(row.recordedDay), index === 0 ? TOP + 4 : ys[index - 1]! + GAP)));
  const plotBottom = Math.max(TOP + naturalHeight, (ys[ys.length - 1] ?? TOP) + BAND + 8);
  const height = plotBottom + BOTTOM;

  const label = m.pictureLabel(
    rows
      .map((row) =>
        m.pictureVersion(
          row.version.version,
          changeName(row.version.change),
          formatDate(row.band.from, language),
          until(row),
          formatDate(row.recordedDay, language),
        ),
      )
      .join("; "),
  );

  return (
    <>
      <figure className="story-time-axes">
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="story-time-axes-picture">
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" stroke={INK} strokeWidth="1.5" />
            </pattern>
          </defs>
          <text x={4} y={18} className="axis-title">
            {m.yAxis}
          </text>
          <text x={width - RIGHT} y={height - 8} textAnchor="end" className="axis-title">
            {m.xAxis}
          </text>
          <line x1={LEFT} y1={TOP - 8} x2={LEFT} y2={plotBottom} stroke={INK} />
          <line x1={LEFT} y1={plotBottom} x2={width - RIGHT} y2={plotBottom} stroke={INK} />
          {monthTicks(first, last, (plotWidth * 30.44) / span, 84).map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} y1={plotBottom} x2={x(tick)} y2={plotBottom + 5} stroke={INK} />
              <line x1={x(tick)} y1={TOP - 8} x2={x(tick)} y2={plotBottom} stroke="#bbb" strokeWidth="0.75" />
              <text x={x(tick)} y={plotBottom + 20} textAnchor="middle" className="tick">
                {monthLabel(tick, language)}
              </text>
            </g>
          ))}
          <line
            x1={x(first)}
            y1={yOfDay(first)}
            x2={x(last)}
            y2={yOfDay(last)}
            stroke="#444"
            strokeWidth="1.5"
            strokeDasharray="2 4"
            aria-hidden="true"
          />
          {rows.map((row, index) => {
            const y = ys[index]!;
            const colour = COLOUR[row.version.change];
            const start = x(row.band.from);
            const name = `v${row.version.version} ${changeName(row.version.change)}`;
            const anchorEnd = start > width - 110;
            const labelX = anchorEnd ? width - RIGHT : Math.max(LEFT + 2, start);
            const recorded = (
              <text x={LEFT - 6} y={y + BAND - 2} textAnchor="end" className="tick">
                {shortDate(row.recordedDay, language)}
              </text>
            );
            if (row.version.change === "revoked") {
              return (
                <g key={row.version.version}>
                  {recorded}
                  <rect x={start - 3} y={y - 4} width={6} height={BAND + 8} fill={colour} stroke={INK} />
                  <text x={labelX} y={y - 8} textAnchor={anchorEnd ? "end" : "start"} className="band-label">
                    {name}
                  </text>
                </g>
              );
            }
            const inForceUntil = row.band.until ?? today;
            const solidEnd = inForceUntil < row.band.from ? start : x(addDays(inForceUntil, 1));
            const claimedEnd = x(addDays(row.band.claimedUntil ?? today, 1));
            return (
              <g key={row.version.version}>
                {recorded}
                {claimedEnd > solidEnd && (
                  <rect
                    x={solidEnd}
                    y={y}
                    width={claimedEnd - solidEnd}
                    height={BAND}
                    fill={`url(#${hatch})`}
                    fillOpacity="0.5"
                    stroke={INK}
                    strokeDasharray="4 3"
                  />
                )}
                {solidEnd > start && (
                  <rect x={start} y={y} width={solidEnd - start} height={BAND} fill={colour} stroke={INK} strokeWidth="1.5" />
                )}
                {row.band.until === null && (
                  <path d={`M ${solidEnd} ${y - 3} l 8 ${BAND / 2 + 3} l -8 ${BAND / 2 + 3} z`} fill={colour} stroke={INK} />
                )}
                <text x={labelX} y={y - 5} textAnchor={anchorEnd ? "end" : "start"} className="band-label">
                  {name}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption>
          <ul className="story-time-axes-legend">
            <li>
              <span className="story-swatch solid" aria-hidden="true" /> {m.legendInForce}
            </li>
            <li>
              <span className="story-swatch dashed" aria-hidden="true" /> {m.legendSuperseded}
            </li>
            <li>
              <span className="story-swatch dotted" aria-hidden="true" /> {m.legendDiagonal}
            </li>
            {rows.some((row) => row.version.change === "revoked") && <li>{m.legendRevoked}</li>}
          </ul>
          {combinedFrom !== null && <p className="story-combined">{m.combinedFrom(formatDate(combinedFrom, language))}</p>}
          {m.howToRead.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </figcaption>
      </figure>
      <div className="story-table-scroll" role="region" aria-label={m.tableRegion} tabIndex={0}>
        <table className="story-versions-table">
          <caption>{m.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.columnVersion}</th>
              <th scope="col">{m.columnChange}</th>
              <th scope="col">{m.columnFrom}</th>
              <th scope="col">{m.columnUntil}</th>
              <th scope="col">{m.columnRecorded}</th>
              <th scope="col">{m.columnBackdated}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.version.version}>
                <th scope="row">{row.version.version}</th>
                <td>{changeName(row.version.change)}</td>
                <td>{formatDate(row.band.from, language)}</td>
                <td>{until(row)}</td>
                <td>{formatDateTime(row.version.recordedAt, language)}</td>
                <td>{row.backdatedDays === null ? m.notBackdated : m.backdatedCell(row.backdatedDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

import type { ReactNode } from "react";
import { linearAxis } from "./axis";
import { ChartFigure, type ChartTableData } from "./ChartFigure";
import { INK, Pattern, styleOf, useSvgId } from "./palette";

export interface BarSeries {
  readonly key: string;
  readonly label: string;
  /** One value per category; null draws no bar there (and leaves no gap for one). */
  readonly values: ReadonlyArray<number | null>;
}

// The drawing's own units; it scales to the width it is given. Bars run left to right, each
// category's label on a line of its own above its bars, so long labels fit at any width.
const WIDTH = 520;
const LEFT = 8;
const BAR = 20;
const GAP = 4;
const CATEGORY_LABEL = 24;
const CATEGORY_GAP = 14;
const FONT = 15;
const TOP = 6;

/** Each category's place from the top, and its bars (the series with a value there). */
function layOut(categories: ReadonlyArray<string>, series: ReadonlyArray<BarSeries>) {
  const placed = [];
  let top = TOP;
  for (const [index, label] of categories.entries()) {
    const bars = series.flatMap((one, seriesIndex) => {
      const value = one.values[index];
      return value === null || value === undefined ? [] : [{ one, seriesIndex, value }];
    });
    placed.push({ label, index, top, bars });
    top += CATEGORY_LABEL + Math.max(1, bars.length) * (BAR + GAP) + CATEGORY_GAP;
  }
  return { placed, bottom: top };
}

/**
 * Horizontal bars, grouped by category (a year, a clause, a signal): each series in its
 * colour and pattern, each bar labelled with its value (and its series' name when there are
 * several), so the picture reads without the colours. A reference line (a median) may be drawn.
 */
export function BarChart({
  caption,
  summary,
  categories,
  series,
  table,
  formatValue,
  reference,
  emptyLabel,
  notes,
}: {
  caption: string;
  summary: string;
  categories: ReadonlyArray<string>;
  series: ReadonlyArray<BarSeries>;
  table: ChartTableData;
  formatValue: (value: number) => string;
  reference?: { readonly value: number; readonly label: string };
  /** Written where a category has no bar at all. */
  emptyLabel?: string;
  notes?: ReactNode;
}) {
  const id = useSvgId();
  const values = series.flatMap((one) => one.values.filter((value): value is number => value !== null));
  const axis = linearAxis(reference ? [...values, reference.value] : values);
  const named = series.length > 1;
  const barText = (seriesIndex: number, value: number) =>
    named ? `${series[seriesIndex]!.label}: ${formatValue(value)}` : formatValue(value);
  // Room to the right of the longest bar for the longest label (about 0.52 em a character).
  const longest = Math.max(
    0,
    ...series.flatMap((one, index) => one.values.map((value) => (value === null ? 0 : barText(index, value).length))),
  );
  const labelRoom = Math.min(WIDTH * 0.65, longest * FONT * 0.52 + 12);
  const length = (value: number) => axis.place(value, 0, WIDTH - LEFT - labelRoom);
  const groups = layOut(categories, series);
  const referenceTop = groups.bottom;
  const height = referenceTop + (reference ? CATEGORY_LABEL : 0);
  return (
    <ChartFigure
      caption={caption}
      summary={summary}
      width={WIDTH}
      height={height}
      kind="bar"
      legend={series.map((one, index) => ({ label: one.label, style: styleOf(index) }))}
      notes={notes}
      table={table}
    >
      <defs>
        {series.map((one, index) => (
          <Pattern key={one.key} id={`${id}-${index}`} style={styleOf(index)} />
        ))}
      </defs>
      <line x1={LEFT} x2={LEFT} y1={TOP} y2={referenceTop - CATEGORY_GAP / 2} stroke={INK} strokeWidth={1.5} />
      {groups.placed.map((group) => (
        <g key={group.index}>
          <text x={LEFT} y={group.top + CATEGORY_LABEL - 7} fontSize={FONT} fontWeight={700} fill={INK}>
            {group.label}
          </text>
          {group.bars.length === 0 && emptyLabel && (
            <text x={LEFT + 8} y={group.top + CATEGORY_LABEL + BAR - 5} fontSize={FONT} fill={INK} fontStyle="italic">
              {emptyLabel}
            </text>
          )}
          {group.bars.map((bar, barIndex) => {
            const barTop = group.top + CATEGORY_LABEL + barIndex * (BAR + GAP);
            const barLength = length(bar.value);
            const text = barText(bar.seriesIndex, bar.value);
            return (
              <g key={bar.one.key}>
                <rect
                  x={LEFT}
                  y={barTop}
                  width={Math.max(barLength, 1.5)}
                  height={BAR}
                  fill={`url(#${id}-${bar.seriesIndex})`}
                  stroke={INK}
                  strokeWidth={1}
                />
                <text x={LEFT + barLength + 6} y={barTop + BAR - 5} fontSize={FONT} fill={INK}>
                  {text}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      {reference && (
        <g>
          <line
            x1={LEFT + length(reference.value)}
            x2={LEFT + length(reference.value)}
            y1={TOP}
            y2={referenceTop}
            stroke={INK}
            strokeWidth={2}
            strokeDasharray="6 4"
          />
          <text
            x={LEFT + length(reference.value)}
            y={referenceTop + CATEGORY_LABEL - 6}
            fontSize={FONT}
            fill={INK}
            textAnchor={length(reference.value) > (WIDTH - LEFT) / 2 ? "end" : "start"}
          >
            {reference.label}
          </text>
        </g>
      )}
    </ChartFigure>
  );
}

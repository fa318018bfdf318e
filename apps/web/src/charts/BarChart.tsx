import type { ReactNode } from "react";
import { linearAxis } from "./axis";
import { ChartFigure, type ChartTableData } from "./ChartFigure";
import { INK, Pattern, styleOf, useSvgId } from "./palette";
import { useAvailableWidth } from "./width";

export interface BarSeries {
  readonly key: string;
  readonly label: string;
  /** One value per category; null draws no bar there (and leaves no gap for one). */
  readonly values: ReadonlyArray<number | null>;
}

// The drawing is laid out for the width it has, one unit to a CSS pixel. Bars run left to
// right, each category's label on a line of its own above its bars, so long labels fit at any
// width; each bar's own label follows it, or stands above it when there is no room beside.
const LEFT = 8;
const BAR = 20;
const GAP = 4;
const LABEL_LINE = 20;
const CATEGORY_LABEL = 24;
const CATEGORY_GAP = 14;
const FONT = 15;
const TOP = 6;
/** About how wide a character of the labels is, in units (system sans-serif at 15 px). */
const CHARACTER = FONT * 0.55;

/** A bar's label as the lines it needs: one, or (above a bar, too long for the width) its series' name and then its value. */
export interface BarLabel {
  readonly name: string | null;
  readonly value: string;
}

const labelText = (label: BarLabel) => (label.name === null ? label.value : `${label.name}: ${label.value}`);

const labelLines = (label: BarLabel, room: number): ReadonlyArray<string> =>
  label.name !== null && labelText(label).length * CHARACTER > room ? [`${label.name}:`, label.value] : [labelText(label)];

/**
 * Each category's place from the top and its bars (the series with a value there), each bar
 * with its label's lines and its own top; with the labels above the bars, a bar is lower by
 * its label's lines.
 */
function layOut(
  categories: ReadonlyArray<string>,
  series: ReadonlyArray<BarSeries>,
  labelOf: (seriesIndex: number, value: number) => BarLabel,
  labelsAbove: boolean,
  room: number,
) {
  const placed = [];
  let top = TOP;
  for (const [index, label] of categories.entries()) {
    let barTop = top + CATEGORY_LABEL;
    const bars = series.flatMap((one, seriesIndex) => {
      const value = one.values[index];
      if (value === null || value === undefined) return [];
      const lines = labelsAbove ? labelLines(labelOf(seriesIndex, value), room) : [labelText(labelOf(seriesIndex, value))];
      const slotTop = barTop;
      barTop += (labelsAbove ? lines.length * LABEL_LINE : 0) + BAR + GAP;
      return [{ one, seriesIndex, value, lines, slotTop, barTop: barTop - BAR - GAP }];
    });
    placed.push({ label, index, top, bars });
    top = (bars.length === 0 ? barTop + BAR + GAP : barTop) + CATEGORY_GAP;
  }
  return { placed, bottom: top };
}

/** A category label cut to the width, whole in the table. */
const fitted = (label: string, width: number) => {
  const room = Math.floor((width - LEFT) / CHARACTER);
  return label.length > room ? `${label.slice(0, room - 1).trimEnd()}…` : label;
};

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
  const [measure, width] = useAvailableWidth(520);
  const values = series.flatMap((one) => one.values.filter((value): value is number => value !== null));
  const axis = linearAxis(reference ? [...values, reference.value] : values);
  const named = series.length > 1;
  const labelOf = (seriesIndex: number, value: number): BarLabel => ({
    name: named ? series[seriesIndex]!.label : null,
    value: formatValue(value),
  });
  // Room to the right of the longest bar for the longest label; when that would leave the
  // bars less than half the width, the labels go above their bars instead.
  const longest = Math.max(
    0,
    ...series.flatMap((one, index) => one.values.map((value) => (value === null ? 0 : labelText(labelOf(index, value)).length))),
  );
  const labelRoom = longest * CHARACTER + 12;
  const labelsAbove = labelRoom > (width - LEFT) / 2;
  const length = (value: number) => axis.place(value, 0, width - LEFT - (labelsAbove ? 8 : labelRoom));
  const groups = layOut(categories, series, labelOf, labelsAbove, width - LEFT - 6);
  const referenceTop = groups.bottom;
  const height = referenceTop + (reference ? CATEGORY_LABEL : 0);
  return (
    <ChartFigure
      measure={measure}
      caption={caption}
      summary={summary}
      width={width}
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
            {fitted(group.label, width)}
          </text>
          {group.bars.length === 0 && emptyLabel && (
            <text x={LEFT + 8} y={group.top + CATEGORY_LABEL + BAR - 5} fontSize={FONT} fill={INK} fontStyle="italic">
              {emptyLabel}
            </text>
          )}
          {group.bars.map((bar) => {
            const barLength = length(bar.value);
            return (
              <g key={bar.one.key}>
                <rect
                  x={LEFT}
                  y={bar.barTop}
                  width={Math.max(barLength, 1.5)}
                  height={BAR}
                  fill={`url(#${id}-${bar.seriesIndex})`}
                  stroke={INK}
                  strokeWidth={1}
                />
                {labelsAbove ? (
                  bar.lines.map((line, lineIndex) => (
                    <text
                      key={lineIndex}
                      x={LEFT + 6}
                      y={bar.slotTop + (lineIndex + 1) * LABEL_LINE - 5}
                      fontSize={FONT}
                      fill={INK}
                    >
                      {line}
                    </text>
                  ))
                ) : (
                  <text x={LEFT + barLength + 6} y={bar.barTop + BAR - 5} fontSize={FONT} fill={INK}>
                    {bar.lines[0]}
                  </text>
                )}
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
            textAnchor={length(reference.value) > (width - LEFT) / 2 ? "end" : "start"}
          >
            {reference.label}
          </text>
        </g>
      )}
    </ChartFigure>
  );
}

import { Fragment } from "react";
import { labelledIndexes, linearAxis } from "./axis";
import { ChartFigure, type ChartTableData } from "./ChartFigure";
import { INK, Marker, styleOf } from "./palette";
import { useAvailableWidth } from "./width";

export interface LineSeries {
  readonly key: string;
  readonly label: string;
  /** One value per category; null leaves a gap (nothing to show there). */
  readonly values: ReadonlyArray<number | null>;
}

// The drawing is laid out for the width it has, one unit to a CSS pixel.
const HEIGHT = 230;
const LEFT = 44;
const RIGHT = 16;
const TOP = 14;
const BOTTOM = 34;
const FONT = 15;

/** Runs of consecutive values, for lines that break where a value is missing. */
function runs(values: ReadonlyArray<number | null>): ReadonlyArray<ReadonlyArray<readonly [number, number]>> {
  const all: Array<Array<readonly [number, number]>> = [];
  let current: Array<readonly [number, number]> = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length) all.push(current);
      current = [];
    } else current.push([index, value]);
  });
  if (current.length) all.push(current);
  return all;
}

/**
 * Values over a row of categories (periods, check-ins), oldest to the left, one line per series
 * told apart by colour, dash and marker; the axis from 0 (or `min`) to a round value, or a
 * fixed scale (`min`, `max`: 1–5). The figures are in `table`.
 */
export function LineChart({
  caption,
  summary,
  categories,
  series,
  table,
  min,
  max,
  formatTick = String,
}: {
  caption: string;
  summary: string;
  /** The categories' short labels, for under the axis (some are left out when they are many). */
  categories: ReadonlyArray<string>;
  series: ReadonlyArray<LineSeries>;
  table: ChartTableData;
  min?: number;
  max?: number;
  formatTick?: (value: number) => string;
}) {
  const [measure, width] = useAvailableWidth(520);
  const values = series.flatMap((one) => one.values.filter((value): value is number => value !== null));
  const axis = linearAxis(values, { min, max, count: max !== undefined && min !== undefined ? max - min : 4 });
  const count = categories.length;
  const x = (index: number) => (count === 1 ? (LEFT + width - RIGHT) / 2 : LEFT + (index * (width - LEFT - RIGHT)) / (count - 1));
  const y = (value: number) => axis.place(value, HEIGHT - BOTTOM, TOP);
  // As many category labels as there is room for (about 140 units each), first and last always.
  const labelled = labelledIndexes(count, Math.max(2, Math.floor((width - LEFT) / 140)));
  // Markers on every point while there is room for them; beyond that the line alone.
  const markers = count <= 40;
  return (
    <ChartFigure
      measure={measure}
      caption={caption}
      summary={summary}
      width={width}
      height={HEIGHT}
      kind="line"
      legend={series.map((one, index) => ({ label: one.label, style: styleOf(index) }))}
      table={table}
    >
      {axis.ticks.map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={width - RIGHT} y1={y(tick)} y2={y(tick)} stroke="#767676" strokeWidth={0.75} />
          <text x={LEFT - 8} y={y(tick) + 5} textAnchor="end" fontSize={FONT} fill={INK}>
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {labelled.map((index) => (
        <text
          key={index}
          x={x(index)}
          y={HEIGHT - 8}
          fontSize={FONT}
          fill={INK}
          textAnchor={count === 1 ? "middle" : index === 0 ? "start" : index === count - 1 ? "end" : "middle"}
        >
          {categories[index]}
        </text>
      ))}
      {series.map((one, seriesIndex) => {
        const style = styleOf(seriesIndex);
        return (
          <g key={one.key}>
            {runs(one.values).map((run) => (
              <Fragment key={run[0]![0]}>
                <polyline
                  points={run.map(([index, value]) => `${x(index)},${y(value)}`).join(" ")}
                  fill="none"
                  stroke={style.colour}
                  strokeWidth={2.5}
                  strokeDasharray={style.dash}
                />
                {(markers || run.length === 1) &&
                  run.map(([index, value]) => <Marker key={index} style={style} x={x(index)} y={y(value)} />)}
              </Fragment>
            ))}
          </g>
        );
      })}
    </ChartFigure>
  );
}

import { type ReactNode, type RefCallback, useId, useState } from "react";
import { Button } from "react-aria-components";
import { useMessages } from "../i18n/define-messages";
import { messages } from "./messages";
import { Sample, type SeriesStyle } from "./palette";
import "./charts.css";

/** The figures of a chart as a table: one row per category, its header cell first. */
export interface ChartTableData {
  readonly caption: string;
  /** The column headers, the row headers' column first. */
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<{ readonly key: string; readonly cells: ReadonlyArray<ReactNode> }>;
}

/**
 * A table of a chart's figures, in a region of its own that scrolls sideways on a narrow
 * screen. Its title stands above that region (a caption would scroll away with the table).
 */
export function ChartTable({ table }: { table: ChartTableData }) {
  const captionId = useId();
  return (
    <>
      <p id={captionId} className="chart-table-title">
        {table.caption}
      </p>
      <div className="chart-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="chart-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export interface LegendEntry {
  readonly label: string;
  readonly style: SeriesStyle;
}

/**
 * A chart as a figure: its caption, the drawing (an inline SVG, `role="img"` named by `summary`:
 * what it shows and its main figures in words), its key, notes, and the same figures as a
 * table behind "Show as a table". The table is always printed, whether open on screen or not.
 */
export function ChartFigure({
  caption,
  summary,
  width,
  height,
  kind,
  legend,
  notes,
  table,
  measure,
  children,
}: {
  /** Where the chart measures the width it has (useAvailableWidth). */
  measure: RefCallback<HTMLElement>;
  caption: string;
  summary: string;
  width: number;
  height: number;
  kind: "line" | "bar";
  legend: ReadonlyArray<LegendEntry>;
  notes?: ReactNode;
  table: ChartTableData;
  children: ReactNode;
}) {
  const m = useMessages(messages);
  const [open, setOpen] = useState(false);
  const captionId = useId();
  const tableId = useId();
  return (
    <figure className="chart" aria-labelledby={captionId} ref={measure}>
      <figcaption id={captionId} className="chart-caption">
        {caption}
      </figcaption>
      <svg className="chart-drawing" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} focusable="false">
        {children}
      </svg>
      {legend.length > 1 && (
        <ul className="chart-legend" aria-label={m.legend}>
          {legend.map((entry) => (
            <li key={entry.label}>
              <Sample style={entry.style} kind={kind} /> {entry.label}
            </li>
          ))}
        </ul>
      )}
      {notes}
      <Button
        className="button secondary no-print"
        aria-expanded={open}
        aria-controls={tableId}
        aria-describedby={captionId}
        onPress={() => setOpen(!open)}
      >
        {open ? m.hideTable : m.showTable}
      </Button>
      <div id={tableId} className={open ? "chart-table-box" : "chart-table-box closed"}>
        <ChartTable table={table} />
      </div>
    </figure>
  );
}

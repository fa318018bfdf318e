import { Link } from "react-aria-components";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { messages } from "./messages";
import { type PortfolioRow, SORT_COLUMNS, type SortColumn } from "./portfolio-rows";
import { type PortfolioView, showView } from "./portfolio-view";

/** The mandate in words; what wants attention in bold (never by colour alone). */
function MandateCell({ row }: { row: PortfolioRow }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const mandate = row.mandate;
  switch (mandate.kind) {
    case "none":
      return <strong>{m.noMandate}</strong>;
    case "expiring":
      return <strong>{m.expiresOn(formatDate(mandate.validUntil, language), mandate.daysLeft)}</strong>;
    case "in-force":
      return <>{mandate.validUntil ? m.inForceUntil(formatDate(mandate.validUntil, language)) : m.inForceOpenEnded}</>;
  }
}

function CheckInCell({ row }: { row: PortfolioRow }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const { kind, due } = row.checkIn;
  const date = due ? formatDate(due, language) : null;
  switch (kind) {
    case "overdue":
      return <strong>{date ? m.overdueSince(date) : m.overdue}</strong>;
    case "never-held":
      return <strong>{date ? m.neverHeldFirstBy(date) : m.neverHeld}</strong>;
    case "scheduled":
      return <>{date ? m.nextOn(date) : m.noneAgreed}</>;
  }
}

/**
 * The initiatives, one per row. Each column heading is a button that sorts by it (again:
 * the other way), and says how the table is sorted with aria-sort, as a screen reader reads it.
 */
export function PortfolioTable({ rows, view }: { rows: ReadonlyArray<PortfolioRow>; view: PortfolioView }) {
  const m = useMessages(messages);
  const time = useTimeTravel();
  const sortBy = (column: SortColumn) =>
    showView({ ...view, sort: column, descending: view.sort === column ? !view.descending : false });
  return (
    <div className="table-scroll" role="region" aria-label={m.tableRegion} tabIndex={0}>
      <table className="portfolio-table">
        <caption>
          {m.tableCaption}
          <span className="note">{m.sortHint}</span>
        </caption>
        <thead>
          <tr>
            {SORT_COLUMNS.map((column) => {
              const sorted = view.sort === column;
              return (
                <th key={column} scope="col" aria-sort={sorted ? (view.descending ? "descending" : "ascending") : "none"}>
                  <button type="button" className="sort-button" onClick={() => sortBy(column)}>
                    {m.column[column]}
                    <span aria-hidden="true" className="sort-mark">
                      {sorted ? (view.descending ? "▼" : "▲") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <Link href={time.link(paths.initiative(row.id))}>{row.name}</Link>
              </th>
              <td>
                <MandateCell row={row} />
              </td>
              <td>
                <CheckInCell row={row} />
              </td>
              <td>{row.signals.count === 0 ? "0" : m.signalsCell(row.signals.count, row.signals.oldestDays ?? 0)}</td>
              <td>
                {row.tensions.count === 0
                  ? "0"
                  : m.tensionsCell(row.tensions.count, row.tensions.highest ?? 0, row.tensions.mean ?? 0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

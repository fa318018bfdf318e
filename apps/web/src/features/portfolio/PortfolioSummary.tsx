import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";
import type { PortfolioRow } from "./portfolio-rows";

/** The whole portfolio in a few counts, whatever the filters show. */
export function PortfolioSummary({ rows }: { rows: ReadonlyArray<PortfolioRow> }) {
  const m = useMessages(messages);
  const count = (test: (row: PortfolioRow) => boolean) => rows.filter(test).length;
  const sum = (value: (row: PortfolioRow) => number) => rows.reduce((total, row) => total + value(row), 0);
  return (
    <section aria-labelledby="portfolio-summary">
      <h2 id="portfolio-summary">{m.summaryTitle}</h2>
      <ul className="portfolio-summary">
        <li>{m.openInitiatives(rows.length)}</li>
        <li>{m.needingAttention(count((row) => row.needsAttention))}</li>
        <li>{m.withoutMandate(count((row) => row.mandate.kind === "none"))}</li>
        <li>{m.mandateExpiring(count((row) => row.mandate.kind === "expiring"))}</li>
        <li>{m.checkInLate(count((row) => row.checkIn.kind !== "scheduled"))}</li>
        <li>{m.unansweredSignals(sum((row) => row.signals.count))}</li>
        <li>{m.openTensions(sum((row) => row.tensions.count))}</li>
      </ul>
    </section>
  );
}

import { useApiQuery } from "../../api/queries";
import type { Mandate, MandatePosition } from "../../api/types";
import { BarChart } from "../../charts/BarChart";
import { formatNumber, median } from "../../charts/format";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { dayInStockholm, daysBetween, formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { messages } from "./messages";
import type { SignalItem } from "./types";

const POSITIONS: ReadonlyArray<MandatePosition> = ["within", "at-edge", "beyond"];

/** A clause's label under the bars: its id and as much of its text as fits on a line. */
const clauseLabel = (id: string, text: string) => {
  const full = `${id} ${text}`;
  return full.length > 52 ? `${full.slice(0, 50).trimEnd()}…` : full;
};

/** For each clause of the mandate in force, how many signals cited it, by where they lay. */
function SignalsByClause({ mandate }: { mandate: Mandate | null }) {
  const m = useMessages(messages);
  const { t } = useLanguage();
  if (mandate === null) return <p>{m.noMandate}</p>;
  const clauses = mandate.clauses;
  const total = (position: MandatePosition) => clauses.reduce((sum, clause) => sum + clause.signals[position], 0);
  const positionName = (position: MandatePosition) => t.mandatePosition[position] ?? position;
  const anyOn = (clause: Mandate["clauses"][number]) => POSITIONS.some((position) => clause.signals[position] > 0);
  return (
    <BarChart
      caption={m.byClause}
      summary={m.byClauseSummary(clauses.length, total("within"), total("at-edge"), total("beyond"))}
      categories={clauses.map((clause) => clauseLabel(clause.id, clause.text))}
      series={POSITIONS.map((position) => ({
        key: position,
        label: positionName(position),
        // A clause no signal cited says so in words rather than with three empty bars.
        values: clauses.map((clause) => (anyOn(clause) ? clause.signals[position] : null)),
      }))}
      formatValue={(value) => String(value)}
      emptyLabel={m.noSignalsOnClause}
      table={{
        caption: m.byClauseTable,
        columns: [m.clause, ...POSITIONS.map(positionName)],
        rows: clauses.map((clause) => ({
          key: clause.id,
          cells: [`${clause.id} ${clause.text}`, ...POSITIONS.map((position) => clause.signals[position])],
        })),
      }}
    />
  );
}

/** How many days each signal waited for its answer (to today while it waits), with the median. */
function SignalWaits({ signals }: { signals: ReadonlyArray<SignalItem> }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  // A withdrawn signal waits for nothing.
  const waiting = signals.filter((signal) => signal.status !== "withdrawn");
  if (waiting.length === 0) return <p>{m.noSignals}</p>;
  const today = todayInStockholm();
  const rows = waiting.map((signal) => {
    const sent = dayInStockholm(signal.submittedAt);
    const answered = signal.answeredAt === null ? null : dayInStockholm(signal.answeredAt);
    return { signal, sent, answered, days: daysBetween(sent, answered ?? today) };
  });
  const days = (value: number) => m.days(formatNumber(value, language));
  const middle = median(rows.map((row) => row.days))!;
  return (
    <BarChart
      caption={m.waiting}
      summary={m.waitingSummary(rows.length, days(middle))}
      categories={rows.map((row) => `${formatDate(row.sent, language)}${row.signal.clauseId ? ` · ${row.signal.clauseId}` : ""}`)}
      series={[
        { key: "answered", label: m.answered, values: rows.map((row) => (row.answered === null ? null : row.days)) },
        { key: "waiting", label: m.stillWaiting, values: rows.map((row) => (row.answered === null ? row.days : null)) },
      ]}
      formatValue={days}
      reference={{ value: middle, label: m.median(days(middle)) }}
      notes={<p className="chart-note">{m.waitingNote}</p>}
      table={{
        caption: m.waitingTable,
        columns: [m.submitted, m.summary, m.answeredOn, m.daysWaited],
        rows: rows.map((row) => ({
          key: row.signal.id,
          cells: [
            formatDate(row.sent, language),
            row.signal.summary,
            row.answered === null ? m.notAnswered : formatDate(row.answered, language),
            formatNumber(row.days, language),
          ],
        })),
      }}
    />
  );
}

export function SignalsOverTime({ initiativeId, mandate }: { initiativeId: string; mandate: Mandate | null }) {
  const m = useMessages(messages);
  const signals = useApiQuery<SignalItem[]>(`/api/v1/signals?initiativeId=${encodeURIComponent(initiativeId)}`);
  return (
    <section aria-labelledby="signals-over-time">
      <h2 id="signals-over-time">{m.signals}</h2>
      <SignalsByClause mandate={mandate} />
      <QueryState query={signals}>{(list) => <SignalWaits signals={list} />}</QueryState>
    </section>
  );
}

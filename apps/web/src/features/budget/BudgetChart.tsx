import { useApiQueries } from "../../api/queries";
import { BarChart } from "../../charts/BarChart";
import { formatNumber, formatSek } from "../../charts/format";
import { Loading } from "../../components/Loading";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { budgetPath } from "./budget-view";
import { messages } from "./messages";
import type { Budget } from "./types";

/** A year's four amounts, in the order the chart draws them. */
const amounts = (budget: Budget) =>
  [
    budget.approvedTotalSek ?? budget.proposedTotalSek,
    budget.externalFundingTotalSek,
    budget.externalFundingAppliedSek,
    budget.contributionsInKindTotal.valueSek,
  ] as const;

/**
 * The chosen year's budget beside the earlier approved years of its focus area (each read in
 * full, for its external funding and contributions in kind): budget, external funding granted
 * and applied for, and the value of the contributions in kind, per year.
 */
export function BudgetChart({ budget, area }: { budget: Budget; area: string }) {
  const m = useMessages(messages);
  const { t, language } = useLanguage();
  const earlier = useApiQueries<Budget>(budget.previousYears.map((previous) => budgetPath(budget.focusArea, previous.year)));
  if (earlier.some((read) => read.isError))
    return (
      <p role="alert" className="error">
        {t.loadFailed}
      </p>
    );
  if (earlier.some((read) => read.data === undefined)) return <Loading />;
  const years = [...earlier.map((read) => read.data!), budget];
  const sek = (value: number) => formatSek(value, language);
  const status = (year: Budget) => m.status[year.status] ?? year.status;
  const yearLabel = (year: Budget) => (year.status === "approved" ? String(year.year) : m.yearLabel(year.year, status(year)));
  const labels = [m.budget, m.granted, m.applied, m.inKind];
  return (
    <>
      <BarChart
        caption={m.chart(area)}
        summary={m.summary(
          area,
          years
            .map((year) => m.summaryYear(yearLabel(year), ...(amounts(year).map(sek) as [string, string, string, string])))
            .join("; "),
        )}
        categories={years.map(yearLabel)}
        series={labels.map((label, index) => ({ key: String(index), label, values: years.map((year) => amounts(year)[index]!) }))}
        formatValue={sek}
        table={{
          caption: m.table(area),
          columns: [m.year, m.statusColumn, ...labels, m.inKindHours],
          rows: years.map((year) => ({
            key: String(year.year),
            cells: [
              String(year.year),
              status(year),
              ...amounts(year).map(sek),
              formatNumber(year.contributionsInKindTotal.hours, language, 2),
            ],
          })),
        }}
      />
      <p>{m.withInKind(budget.year, sek(budget.totalWithContributionsSek))}</p>
    </>
  );
}

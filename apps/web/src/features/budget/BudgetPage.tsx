import { useFocusAreaName } from "../../i18n/focus-area-name";
import { useState } from "react";
import { ApiProblem } from "../../api/client";
import { useApiQueries, useApiQuery } from "../../api/queries";
import type { Me } from "../../api/types";
import { showChoice } from "../../charts/choices";
import { useDocumentTitle } from "../../components/document-title";
import { Loading } from "../../components/Loading";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { todayInStockholm } from "../../i18n/format";
import { useSearch } from "../../router";
import { BudgetChart } from "./BudgetChart";
import { type BudgetView, budgetPath, defaultYear, parseView, viewPath } from "./budget-view";
import { messages } from "./messages";
import type { Budget, InitiativeInArea, MeWithCoreTeam } from "./types";
import "./budget.css";

/** The years to choose from: five back, one ahead (a budget is proposed the year before). */
const yearChoices = (thisYear: number) => Array.from({ length: 6 }, (_, index) => thisYear - 4 + index);

/** Which of the years to choose from have a budget in the focus area: each read once, in parallel. */
function useYearsWithBudget(focusArea: string, years: ReadonlyArray<number>): ReadonlySet<number> | undefined {
  const reads = useApiQueries<Budget>(years.map((year) => budgetPath(focusArea, year)));
  // Once known, kept while a year is read again: a read that failed (404) goes back to
  // "pending" while it is read again, and showing "loading" then would unmount the year's
  // budget, whose own read of that year starts it again, over and over.
  // Only a 404 says a year has no budget; another failure is no answer (the year's own read shows it).
  const settled = reads.every((read) => read.isSuccess || read.isError)
    ? years
        .filter((_, index) => {
          const read = reads[index]!;
          return read.data !== undefined || !(read.error instanceof ApiProblem && read.error.status === 404);
        })
        .join(" ")
    : undefined;
  const [known, setKnown] = useState(settled);
  if (settled !== undefined && settled !== known) setKnown(settled);
  return known === undefined ? undefined : new Set(known.split(" ").filter(Boolean).map(Number));
}

function Choices({
  view,
  areas,
  years,
  withBudget,
}: {
  view: BudgetView & { focusArea: string; year: number };
  areas: ReadonlyArray<string>;
  years: ReadonlyArray<number>;
  withBudget: ReadonlySet<number>;
}) {
  const areaName = useFocusAreaName();
  const m = useMessages(messages);
  const show = (next: Partial<BudgetView>) => {
    const chosen = { ...view, ...next };
    // The focus area goes into the address only when there is more than one to choose from.
    showChoice(viewPath({ ...chosen, focusArea: areas.length > 1 ? chosen.focusArea : null }));
  };
  return (
    <fieldset className="chart-choices no-print">
      <legend>{m.choices}</legend>
      {areas.length > 1 && (
        <div className="select-field">
          <label htmlFor="budget-area">{m.focusArea}</label>
          <select id="budget-area" value={view.focusArea} onChange={(event) => show({ focusArea: event.target.value })}>
            {areas.map((area) => (
              <option key={area} value={area}>
                {areaName(area)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="select-field">
        <label htmlFor="budget-year">{m.year}</label>
        <select id="budget-year" value={view.year} onChange={(event) => show({ year: Number(event.target.value) })}>
          {[...new Set([...years, view.year])]
            .sort((a, b) => a - b)
            .map((year) => (
              <option key={year} value={year}>
                {withBudget.has(year) ? year : m.yearWithoutBudget(year)}
              </option>
            ))}
        </select>
      </div>
    </fieldset>
  );
}

/** The chosen year's budget as a chart, or plainly that there is none. */
function YearBudget({ focusArea, year }: { focusArea: string; year: number }) {
  const areaName = useFocusAreaName();
  const m = useMessages(messages);
  const budget = useApiQuery<Budget>(budgetPath(focusArea, year));
  if (budget.error instanceof ApiProblem && budget.error.status === 404)
    return (
      <>
        <p className="budget-none">{m.noBudget(year, areaName(focusArea))}</p>
        <p className="no-print">{m.noBudgetHint}</p>
      </>
    );
  return <QueryState query={budget}>{(found) => <BudgetChart budget={found} area={areaName(focusArea)} />}</QueryState>;
}

/** The focus area's choices and the year's budget, once it is known which years have one. */
function AreaBudget({
  view,
  focusArea,
  areas,
  thisYear,
}: {
  view: BudgetView;
  focusArea: string;
  areas: ReadonlyArray<string>;
  thisYear: number;
}) {
  const years = yearChoices(thisYear);
  const withBudget = useYearsWithBudget(focusArea, years);
  if (withBudget === undefined) return <Loading />;
  const year = view.year ?? defaultYear(thisYear, withBudget);
  return (
    <>
      <Choices view={{ ...view, focusArea, year }} areas={areas} years={years} withBudget={withBudget} />
      <YearBudget focusArea={focusArea} year={year} />
    </>
  );
}

/** /budget: a focus area's budget per year against external funding and contributions in kind. */
export function BudgetPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.title);
  const initiatives = useApiQuery<InitiativeInArea[]>("/api/v1/initiatives");
  const thisYear = Number(todayInStockholm().slice(0, 4));
  const view = parseView(useSearch());
  return (
    <>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <QueryState query={initiatives}>
        {(list) => {
          const areas = [
            ...new Set([...((me as Me & MeWithCoreTeam).coreTeam ?? []), ...list.map((initiative) => initiative.focusArea)]),
          ].sort();
          if (areas.length === 0) return <p>{m.noFocusArea}</p>;
          const focusArea = view.focusArea !== null && areas.includes(view.focusArea) ? view.focusArea : areas[0]!;
          return <AreaBudget key={focusArea} view={view} focusArea={focusArea} areas={areas} thisYear={thisYear} />;
        }}
      </QueryState>
    </>
  );
}

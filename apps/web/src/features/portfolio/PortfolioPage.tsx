import { initiativePath, useApiQueries, useApiQuery } from "../../api/queries";
import type { InitiativeListItem, InitiativeOverview, Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { Loading } from "../../components/Loading";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { dayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useSearch } from "../../router";
import { PastBanner } from "../../time-travel/PastBanner";
import { TimeControls } from "../../time-travel/TimeControls";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { messages } from "./messages";
import { PortfolioFilters } from "./PortfolioFilters";
import { PortfolioSummary } from "./PortfolioSummary";
import { PortfolioTable } from "./PortfolioTable";
import { portfolioRow, sortRows } from "./portfolio-rows";
import { matchesView, parseView } from "./portfolio-view";
import "./portfolio.css";

/** The rows, once every open initiative's overview is read (all at once, in parallel). */
function Portfolio({ ids }: { ids: ReadonlyArray<string> }) {
  const { t } = useLanguage();
  const m = useMessages(messages);
  const view = parseView(useSearch());
  const time = useTimeTravel();
  const overviews = useApiQueries<InitiativeOverview>(ids.map((id) => time.api(initiativePath(id), { at: "at", asOf: true })));
  if (overviews.some((overview) => overview.isError))
    return (
      <p role="alert" className="error">
        {t.loadFailed}
      </p>
    );
  if (overviews.some((overview) => overview.data === undefined)) return <Loading />;
  // The day shown is "today" for what is due or ending: the time machine's, or today.
  const rows = overviews
    .map((overview) => overview.data!)
    .filter((overview) => overview.status === "open")
    .map((overview) => portfolioRow(overview, time.day));
  const shown = sortRows(
    rows.filter((row) => matchesView(row, view)),
    view.sort,
    view.descending,
  );
  return (
    <>
      <PortfolioSummary rows={rows} />
      <PortfolioFilters view={view} />
      <p role="status" className="portfolio-showing">
        {m.showing(shown.length, rows.length)}
      </p>
      {shown.length === 0 ? <p>{m.noRows}</p> : <PortfolioTable rows={shown} view={view} />}
    </>
  );
}

/**
 * Portfölj / Portfolio: the Core Team's overview of every open initiative, sortable and
 * filtered by what needs attention; the view is kept in the address so it can be shared.
 * The time machine shows it on another day as known at another instant (the list by `asOf`,
 * each overview by `at` and `asOf`); auditors read it too, in the past as now.
 */
export function PortfolioPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.portfolioTitle);
  const reader = ["core-team", "auditor", "admin"].some((role) => me.roles.includes(role));
  const time = useTimeTravel();
  const initiatives = useApiQuery<InitiativeListItem[]>(time.api("/api/v1/initiatives", { asOf: true }), reader);
  if (!reader)
    return (
      <>
        <h1>{m.portfolioTitle}</h1>
        <p>{m.onlyCoreTeam}</p>
      </>
    );
  return (
    <>
      <h1>{m.portfolioTitle}</h1>
      <PastBanner subject="portfolio" />
      <p>{m.intro}</p>
      <TimeControls />
      <QueryState query={initiatives}>
        {(list) => (
          // In the past, the list's status is as known then but for today: each overview says
          // whether the initiative was open on the day shown (Portfolio keeps those).
          <Portfolio
            ids={list
              .filter((initiative) =>
                time.inPast ? dayInStockholm(initiative.registeredAt) <= time.day : initiative.status === "open",
              )
              .map((initiative) => initiative.id)}
          />
        )}
      </QueryState>
    </>
  );
}

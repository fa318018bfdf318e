import { useInitiativeOverviews, useInitiatives } from "../../api/queries";
import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { Loading } from "../../components/Loading";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useSearch } from "../../router";
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
  const overviews = useInitiativeOverviews(ids);
  if (overviews.some((overview) => overview.isError))
    return (
      <p role="alert" className="error">
        {t.loadFailed}
      </p>
    );
  if (overviews.some((overview) => overview.data === undefined)) return <Loading />;
  const today = todayInStockholm();
  const rows = overviews.map((overview) => portfolioRow(overview.data!, today));
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
 */
export function PortfolioPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.portfolioTitle);
  const coreTeam = me.roles.includes("core-team");
  const initiatives = useInitiatives(coreTeam);
  if (!coreTeam)
    return (
      <>
        <h1>{m.portfolioTitle}</h1>
        <p>{m.onlyCoreTeam}</p>
      </>
    );
  return (
    <>
      <h1>{m.portfolioTitle}</h1>
      <p>{m.intro}</p>
      <QueryState query={initiatives}>
        {(list) => (
          <Portfolio ids={list.filter((initiative) => initiative.status === "open").map((initiative) => initiative.id)} />
        )}
      </QueryState>
    </>
  );
}

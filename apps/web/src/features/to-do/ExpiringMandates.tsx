import { Link } from "react-aria-components";
import type { InitiativeOverview } from "../../api/types";
import { mandateState } from "../../components/initiative-state";
import { byName, formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { ToDoSection } from "./ToDoSection";

/** The mandates in force today whose validity ends within the horizon (60 days), soonest first. */
export function ExpiringMandates({
  overviews,
  loading,
  failed,
}: {
  overviews: ReadonlyArray<InitiativeOverview>;
  loading: boolean;
  failed: boolean;
}) {
  const { language, t } = useLanguage();
  const today = todayInStockholm();
  const expiring = overviews
    .flatMap((overview) => {
      const state = mandateState(overview, today);
      return state.kind === "expiring" ? [{ overview, validUntil: state.validUntil }] : [];
    })
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil) || byName(a.overview, b.overview));
  return (
    <ToDoSection
      id="expiring-mandates"
      title={t.expiringMandates}
      count={loading ? undefined : expiring.length}
      empty={t.expiringMandatesNone}
      failed={failed}
    >
      <ul className="cards">
        {expiring.map(({ overview, validUntil }) => (
          <li key={overview.id}>
            <Link href={paths.initiative(overview.id)}>{overview.name}</Link> {t.validUntilDate(formatDate(validUntil, language))}
          </li>
        ))}
      </ul>
    </ToDoSection>
  );
}

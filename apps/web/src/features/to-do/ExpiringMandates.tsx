import { Link } from "react-aria-components";
import type { InitiativeOverview } from "../../api/types";
import { byName, daysBetween, formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { Loading } from "../../components/Loading";

/** How far ahead a mandate's end is worth a reminder: time to renew it at a Core Team meeting. */
const HORIZON_DAYS = 60;

/** The mandates in force today whose validity ends within the horizon, soonest first. */
export function ExpiringMandates({ overviews, loading }: { overviews: ReadonlyArray<InitiativeOverview>; loading: boolean }) {
  const { language, t } = useLanguage();
  const today = todayInStockholm();
  const expiring = overviews
    .filter((overview) => {
      const until = overview.mandate?.validUntil;
      return until != null && daysBetween(today, until) >= 0 && daysBetween(today, until) <= HORIZON_DAYS;
    })
    .sort((a, b) => a.mandate!.validUntil!.localeCompare(b.mandate!.validUntil!) || byName(a, b));
  return (
    <section aria-labelledby="expiring-mandates">
      <h2 id="expiring-mandates">{t.expiringMandates}</h2>
      {loading ? (
        <Loading />
      ) : expiring.length === 0 ? (
        <p>{t.expiringMandatesNone}</p>
      ) : (
        <ul className="cards">
          {expiring.map((overview) => (
            <li key={overview.id}>
              <Link href={paths.initiative(overview.id)}>{overview.name}</Link>{" "}
              {t.validUntilDate(formatDate(overview.mandate!.validUntil!, language))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

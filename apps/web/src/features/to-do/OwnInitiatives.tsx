import { Link } from "react-aria-components";
import type { InitiativeOverview, Me } from "../../api/types";
import { byName, formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";

/** The lead's own open initiatives, by name, each with the day its next check-in is due. */
export function OwnInitiatives({ own, overviews }: { own: Me["initiatives"]; overviews: ReadonlyArray<InitiativeOverview> }) {
  const { language, t } = useLanguage();
  return (
    <section aria-labelledby="own-initiatives">
      <h2 id="own-initiatives">{t.ownInitiatives}</h2>
      {own.length === 0 ? (
        <p>{t.ownInitiativesNone}</p>
      ) : (
        <ul className="cards">
          {[...own].sort(byName).map((initiative) => {
            const overview = overviews.find((candidate) => candidate.id === initiative.id);
            return (
              <li key={initiative.id}>
                <Link href={paths.initiative(initiative.id)}>{initiative.name}</Link>
                {overview && (
                  <p>
                    {t.nextCheckIn}: {overview.nextCheckInDue ? formatDate(overview.nextCheckInDue, language) : t.noCheckInAgreed}
                    {overview.checkInOverdue && <strong className="overdue"> ({t.checkInOverdue})</strong>}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

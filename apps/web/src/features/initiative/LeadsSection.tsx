import type { InitiativeOverview } from "../../api/types";
import { byName } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";

/** The initiative's leads and key roles, by name the Swedish way. */
export function LeadsSection({ leads }: { leads: InitiativeOverview["leads"] }) {
  const { t } = useLanguage();
  return (
    <section aria-labelledby="leads">
      <h2 id="leads">{t.leads}</h2>
      {leads.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {[...leads].sort(byName).map((lead) => (
            <li key={lead.personId}>
              {lead.name} ({t.leadRole[lead.role] ?? lead.role})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { Link } from "react-aria-components";
import { useUnansweredSignals } from "../../api/queries";
import type { InitiativeListItem } from "../../api/types";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { QueryState } from "../../components/QueryState";

/** The Core Team's inbox: signals submitted or acknowledged and not yet answered, oldest first. */
export function AwaitingAnswer({ initiatives }: { initiatives: ReadonlyArray<InitiativeListItem> }) {
  const { language, t } = useLanguage();
  const signals = useUnansweredSignals(true);
  const nameOf = (id: string) => initiatives.find((initiative) => initiative.id === id)?.name ?? "";
  return (
    <section aria-labelledby="awaiting-answer">
      <h2 id="awaiting-answer">{t.awaitingAnswer}</h2>
      <QueryState query={signals}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.awaitingAnswerNone}</p>
          ) : (
            <ul className="cards">
              {list.map((signal) => (
                <li key={signal.id}>
                  <Link href={paths.initiative(signal.initiativeId)}>{nameOf(signal.initiativeId)}</Link>
                  <p>
                    <strong>{t.kind[signal.kind] ?? signal.kind}</strong> ({t.mandatePosition[signal.mandatePosition]}):{" "}
                    {signal.summary}
                  </p>
                  <p className="note">
                    {t.observedOn} {formatDate(signal.observedOn, language)}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}

import type { InitiativeOverview } from "../../api/types";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";

/** The signals still awaiting the Core Team's answer, oldest first (as the overview lists them). */
export function UnansweredSignals({ signals }: { signals: InitiativeOverview["unansweredSignals"] }) {
  const { language, t } = useLanguage();
  return (
    <section aria-labelledby="unanswered-signals">
      <h2 id="unanswered-signals">{t.unansweredSignals}</h2>
      {signals.length === 0 ? (
        <p>{t.unansweredSignalsNone}</p>
      ) : (
        <ul className="cards">
          {signals.map((signal) => (
            <li key={signal.id}>
              <strong>{t.kind[signal.kind] ?? signal.kind}</strong> ({t.mandatePosition[signal.mandatePosition]}):{" "}
              {signal.summary}
              <span className="note">
                {" "}
                {t.observedOn} {formatDate(signal.observedOn, language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

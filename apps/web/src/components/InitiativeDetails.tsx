import { Link } from "react-aria-components";
import type { InitiativeOverview, Me } from "../api/types";
import { byName, formatDate } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { SENT_PARAMETER, paths } from "../router";
import { MandateLetter } from "./MandateLetter";

/** One initiative as it stands today: its mandate letter, goals, leads, open tensions and unanswered signals. */
export function InitiativeDetails({ initiative, me }: { initiative: InitiativeOverview; me: Me }) {
  const { language, t } = useLanguage();
  const maySignal =
    initiative.status === "open" && (me.roles.includes("core-team") || me.initiatives.some((own) => own.id === initiative.id));
  const sent = new URLSearchParams(window.location.search).has(SENT_PARAMETER);
  return (
    <>
      <h1>{initiative.name}</h1>
      {sent && (
        <p role="status" className="success">
          {t.signalSent}
        </p>
      )}
      {initiative.description && <p>{initiative.description}</p>}
      {maySignal && (
        <p>
          <Link className="button" href={paths.submitSignal(initiative.id)}>
            {t.submitSignal}
          </Link>
        </p>
      )}
      {initiative.mandate ? <MandateLetter mandate={initiative.mandate} /> : <p>{t.noMandate}</p>}

      <section aria-labelledby="goals">
        <h2 id="goals">{t.goals}</h2>
        {initiative.goals.length === 0 ? (
          <p>{t.goalsNone}</p>
        ) : (
          <ul>
            {initiative.goals.map((goal) => (
              <li key={goal.goalId}>
                {goal.statement}
                {goal.targetDate && (
                  <span className="note">
                    {" "}
                    ({t.targetDate} {formatDate(goal.targetDate, language)})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="leads">
        <h2 id="leads">{t.leads}</h2>
        <ul>
          {[...initiative.leads].sort(byName).map((lead) => (
            <li key={lead.personId}>
              {lead.name} ({t.leadRole[lead.role] ?? lead.role})
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="open-tensions">
        <h2 id="open-tensions">{t.openTensions}</h2>
        {initiative.openTensions.length === 0 ? (
          <p>{t.openTensionsNone}</p>
        ) : (
          <ul>
            {initiative.openTensions.map((tension) => (
              <li key={tension.tensionId}>
                {t.tensionCategory[tension.category] ?? tension.category}, {t.intensity} {tension.intensity} (
                {formatDate(tension.raisedOn, language)})
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="unanswered-signals">
        <h2 id="unanswered-signals">{t.unansweredSignals}</h2>
        {initiative.unansweredSignals.length === 0 ? (
          <p>{t.unansweredSignalsNone}</p>
        ) : (
          <ul className="cards">
            {initiative.unansweredSignals.map((signal) => (
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
    </>
  );
}

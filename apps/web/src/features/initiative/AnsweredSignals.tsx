import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { messages } from "./messages";
import { useInitiativeSignals } from "./queries";
import { ShowAll } from "./ShowAll";

/** How many answered signals show before "Visa alla". */
const SHOWN = 5;

/**
 * The initiative's signals that have an answer, or were withdrawn: newest first, each with
 * its outcome and the Core Team's response. (The unanswered ones are listed above them.)
 */
export function AnsweredSignals({ initiativeId }: { initiativeId: string }) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  const { day } = useTimeTravel();
  const signals = useInitiativeSignals(initiativeId);
  return (
    <section aria-labelledby="answered-signals">
      <h2 id="answered-signals">{m.answeredSignals}</h2>
      <QueryState query={signals}>
        {(list) => {
          const closed = list
            .filter((signal) => (signal.status === "answered" || signal.status === "withdrawn") && signal.observedOn <= day)
            .reverse();
          if (closed.length === 0) return <p>{m.answeredSignalsNone}</p>;
          return (
            <ShowAll items={closed} shown={SHOWN}>
              {(shown) => (
                <ul className="cards">
                  {shown.map((signal) => (
                    <li key={signal.id}>
                      <p>
                        <strong>{t.kind[signal.kind] ?? signal.kind}</strong> ({t.mandatePosition[signal.mandatePosition]}
                        {signal.clauseId && `, ${m.clause} ${signal.clauseId}`}): {signal.summary}
                        <span className="note">
                          {t.observedOn} {formatDate(signal.observedOn, language)}, {m.status[signal.status] ?? signal.status}
                        </span>
                      </p>
                      {signal.outcome && (
                        <p>
                          <strong>{m.outcome[signal.outcome] ?? signal.outcome}.</strong>{" "}
                          {signal.response && (
                            <>
                              {m.answer}: {signal.response}
                            </>
                          )}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </ShowAll>
          );
        }}
      </QueryState>
    </section>
  );
}

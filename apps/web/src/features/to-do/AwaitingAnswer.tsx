import { Link } from "react-aria-components";
import { useUnansweredSignals } from "../../api/queries";
import type { InitiativeListItem } from "../../api/types";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { messages } from "./messages";
import { ToDoSection } from "./ToDoSection";

/** The Core Team's inbox: signals submitted or acknowledged and not yet answered, oldest first. */
export function AwaitingAnswer({ initiatives }: { initiatives: ReadonlyArray<InitiativeListItem> }) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  const signals = useUnansweredSignals(true);
  const nameOf = (id: string) => initiatives.find((initiative) => initiative.id === id)?.name ?? "";
  const list = signals.data;
  return (
    <ToDoSection
      id="awaiting-answer"
      title={t.awaitingAnswer}
      count={list?.length}
      empty={t.awaitingAnswerNone}
      failed={signals.isError}
    >
      <ul className="cards">
        {list?.map((signal) => (
          <li key={signal.id}>
            <p>
              <strong>{t.kind[signal.kind] ?? signal.kind}</strong> ({t.mandatePosition[signal.mandatePosition]}):{" "}
              {signal.summary}
            </p>
            <p>
              <Link href={paths.initiative(signal.initiativeId)}>{nameOf(signal.initiativeId)}</Link>
              <span className="note">
                {t.observedOn} {formatDate(signal.observedOn, language)}
              </span>
            </p>
            <p>
              <Link href={paths.answerSignal(signal.id)} aria-label={`${m.answerSignal}: ${signal.summary}`}>
                {m.answerSignal}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </ToDoSection>
  );
}

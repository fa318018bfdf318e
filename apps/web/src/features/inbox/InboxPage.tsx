import { Link } from "react-aria-components";
import { useApiQuery, useInitiativeOverviews, useInitiatives } from "../../api/queries";
import type { Me } from "../../api/types";
import { FocusedNotice } from "../../components/FocusedNotice";
import { useDocumentTitle } from "../../components/document-title";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { SENT_PARAMETER, paths, useSearch } from "../../router";
import { messages } from "./messages";
import { SignalFacts } from "./SignalFacts";
import { INBOX_PATH, type Signal } from "./types";
import "./inbox.css";

/** Said at the top after an answer was sent, and focused so a screen reader reads it. */
function AnsweredNotice() {
  const m = useMessages(messages);
  const sent = new URLSearchParams(useSearch()).has(SENT_PARAMETER);
  return sent ? <FocusedNotice text={m.answered} /> : null;
}

function SignalList({ signals }: { signals: ReadonlyArray<Signal> }) {
  const m = useMessages(messages);
  const initiatives = useInitiatives(true);
  const withClause = [...new Set(signals.filter((signal) => signal.clauseId !== null).map((signal) => signal.initiativeId))];
  const overviews = useInitiativeOverviews(withClause);
  const overviewOf = (id: string) => overviews.find((overview) => overview.data?.id === id)?.data;
  const nameOf = (id: string) => initiatives.data?.find((initiative) => initiative.id === id)?.name ?? "";
  if (signals.length === 0) return <p>{m.inboxEmpty}</p>;
  return (
    <ul className="cards inbox">
      {signals.map((signal) => (
        <li key={signal.id}>
          <h2>{signal.summary}</h2>
          <SignalFacts
            signal={signal}
            initiative={overviewOf(signal.initiativeId)}
            initiativeName={nameOf(signal.initiativeId)}
          />
          <Link className="button" href={paths.answerSignal(signal.id)} aria-label={m.answerLabel(signal.summary)}>
            {m.answer}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** /inkorg: the Core Team's inbox, the signals that await an answer, oldest first, each with a way to answer it. */
export function InboxPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.inboxTitle);
  const coreTeam = me.roles.includes("core-team");
  const signals = useApiQuery<Signal[]>(INBOX_PATH, coreTeam);
  return (
    <>
      <h1>{m.inboxTitle}</h1>
      {coreTeam ? (
        <>
          <AnsweredNotice />
          <p>{m.inboxIntro}</p>
          <QueryState query={signals}>{(list) => <SignalList signals={list} />}</QueryState>
        </>
      ) : (
        <p>{m.onlyCoreTeam}</p>
      )}
    </>
  );
}

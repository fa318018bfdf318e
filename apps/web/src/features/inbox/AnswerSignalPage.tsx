import { Link } from "react-aria-components";
import { useApiQuery } from "../../api/queries";
import type { InitiativeOverview, Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { AcknowledgeButton } from "./AcknowledgeButton";
import { AnswerForm } from "./AnswerForm";
import { messages } from "./messages";
import { SignalFacts } from "./SignalFacts";
import { INBOX_PATH, type Signal } from "./types";
import "../mandates/mandates.css";
import "./inbox.css";

/** The signal in full, a way to acknowledge it, and the answer form. */
function SignalToAnswer({ signal }: { signal: Signal }) {
  const m = useMessages(messages);
  const overview = useApiQuery<InitiativeOverview>(`/api/v1/initiatives/${encodeURIComponent(signal.initiativeId)}`);
  return (
    <QueryState query={overview}>
      {(initiative) => (
        <>
          <section aria-labelledby="the-signal">
            <h2 id="the-signal">{m.signal}</h2>
            <p className="signal-summary">{signal.summary}</p>
            <SignalFacts signal={signal} initiative={initiative} initiativeName={initiative.name} full />
            <p>
              <Link href={paths.initiative(initiative.id)}>{initiative.name}</Link>
            </p>
            <AcknowledgeButton signalId={signal.id} acknowledged={signal.status !== "submitted"} />
          </section>
          <AnswerForm signalId={signal.id} initiative={initiative} />
        </>
      )}
    </QueryState>
  );
}

/** A signal not in the inbox: answered or withdrawn, or none at all (a mistyped or made-up link). */
function NotWaiting({ signalId }: { signalId: string }) {
  const m = useMessages(messages);
  const all = useApiQuery<Signal[]>("/api/v1/signals");
  return (
    <QueryState query={all}>
      {(list) => <p>{list.some((signal) => signal.id === signalId) ? m.notWaiting : m.noSuchSignal}</p>}
    </QueryState>
  );
}

/** /inkorg/{signalId}: the Core Team answers one signal of the inbox. */
export function AnswerSignalPage({ me, signalId }: { me: Me; signalId: string }) {
  const m = useMessages(messages);
  useDocumentTitle(m.answerSignalTitle);
  const coreTeam = me.roles.includes("core-team");
  const signals = useApiQuery<Signal[]>(INBOX_PATH, coreTeam);
  return (
    <>
      <h1>{m.answerSignalTitle}</h1>
      {coreTeam ? (
        <QueryState query={signals}>
          {(list) => {
            const signal = list.find((candidate) => candidate.id === signalId);
            return signal ? (
              <SignalToAnswer signal={signal} />
            ) : (
              <>
                <NotWaiting signalId={signalId} />
                <p>
                  <Link href={paths.inbox}>{m.backToInbox}</Link>
                </p>
              </>
            );
          }}
        </QueryState>
      ) : (
        <p>{m.onlyCoreTeam}</p>
      )}
    </>
  );
}

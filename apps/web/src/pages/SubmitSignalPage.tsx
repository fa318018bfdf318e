import { useInitiative } from "../api/queries";
import { useDocumentTitle } from "../components/document-title";
import { QueryState } from "../components/QueryState";
import { SignalForm } from "../components/SignalForm";
import { useLanguage } from "../i18n/language";

/** /initiativ/{id}/ny-signal: a signal on the initiative, about its mandate in force. */
export function SubmitSignalPage({ initiativeId }: { initiativeId: string }) {
  const { t } = useLanguage();
  const overview = useInitiative(initiativeId);
  useDocumentTitle(t.submitSignal);
  return (
    <QueryState query={overview}>
      {(initiative) => <SignalForm initiativeId={initiative.id} name={initiative.name} mandate={initiative.mandate} />}
    </QueryState>
  );
}

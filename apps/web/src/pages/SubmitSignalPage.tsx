import { useInitiative } from "../api/queries";
import type { Me } from "../api/types";
import { useDocumentTitle } from "../components/document-title";
import { QueryState } from "../components/QueryState";
import { SignalForm } from "../components/SignalForm";
import { mayActOn } from "../features/initiative/ActionLinks";
import { NotForYou } from "../features/lead-forms/InitiativeFormPage";
import { useLanguage } from "../i18n/language";

/** /initiativ/{id}/ny-signal: a signal on the initiative, about its mandate in force. */
export function SubmitSignalPage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  const { t } = useLanguage();
  const overview = useInitiative(initiativeId);
  useDocumentTitle(t.submitSignal);
  return (
    <QueryState query={overview}>
      {(initiative) =>
        mayActOn(initiative, me) ? (
          <SignalForm initiativeId={initiative.id} name={initiative.name} mandate={initiative.mandate} />
        ) : (
          <>
            <h1>{t.submitSignal}</h1>
            <NotForYou initiative={initiative} />
          </>
        )
      }
    </QueryState>
  );
}

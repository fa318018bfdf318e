import { useInitiative } from "../api/queries";
import { QueryState } from "../components/QueryState";
import { SignalForm } from "../components/SignalForm";

/** /initiativ/{id}/ny-signal: a signal on the initiative, about its mandate in force. */
export function SubmitSignalPage({ initiativeId }: { initiativeId: string }) {
  const overview = useInitiative(initiativeId);
  return (
    <QueryState query={overview}>
      {(initiative) => <SignalForm initiativeId={initiative.id} name={initiative.name} mandate={initiative.mandate} />}
    </QueryState>
  );
}

import { useDocumentTitle } from "../components/document-title";
import type { Me } from "../api/types";
import { useInitiativeOverviews, useInitiatives } from "../api/queries";
import { useLanguage } from "../i18n/language";
import { AwaitingAnswer } from "../features/to-do/AwaitingAnswer";
import { ExpiringMandates } from "../features/to-do/ExpiringMandates";
import { OwnInitiatives } from "../features/to-do/OwnInitiatives";

/**
 * Att göra / To do: what asks for the person's attention now. The Core Team sees the signals
 * awaiting its answer and every mandate ending within 60 days; a lead sees their own
 * initiatives' next check-ins and mandates ending. All from existing reads.
 */
export function ToDoPage({ me }: { me: Me }) {
  const { t } = useLanguage();
  useDocumentTitle(t.toDo);
  const coreTeam = me.roles.includes("core-team");
  const initiatives = useInitiatives(coreTeam);
  const watched = coreTeam
    ? (initiatives.data ?? []).filter((initiative) => initiative.status === "open").map((initiative) => initiative.id)
    : me.initiatives.map((initiative) => initiative.id);
  const overviews = useInitiativeOverviews(watched);
  const loaded = overviews.flatMap((overview) => (overview.data ? [overview.data] : []));
  return (
    <>
      <h1>{t.toDo}</h1>
      {coreTeam && <AwaitingAnswer initiatives={initiatives.data ?? []} />}
      <ExpiringMandates overviews={loaded} loading={overviews.some((overview) => overview.isPending)} />
      {(me.initiatives.length > 0 || !coreTeam) && <OwnInitiatives own={me.initiatives} overviews={loaded} />}
    </>
  );
}

import { useDocumentTitle } from "../components/document-title";
import type { Me } from "../api/types";
import { useInitiativeOverviews, useInitiatives } from "../api/queries";
import { useLanguage } from "../i18n/language";
import { AwaitingAnswer } from "../features/to-do/AwaitingAnswer";
import { CheckInsDue } from "../features/to-do/CheckInsDue";
import { ExpiringMandates } from "../features/to-do/ExpiringMandates";
import { MinutesToAdjust } from "../features/to-do/MinutesToAdjust";
import { OwnInitiatives } from "../features/to-do/OwnInitiatives";
import { OwnNextSteps } from "../features/to-do/OwnNextSteps";

/**
 * Att göra / To do, everyone's start page: what asks for the person's attention now. The
 * Core Team sees every open initiative's check-ins due, the signals awaiting its answer and
 * the minutes its members must adjust; a lead sees their own initiatives' check-ins; both
 * their own next steps and the mandates ending within 60 days. The reads run side by side:
 * only the overviews wait, for the list of initiatives they are of.
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
  const loading = (coreTeam && initiatives.data === undefined) || overviews.some((overview) => overview.isPending);
  const failed = initiatives.isError || overviews.some((overview) => overview.isError);
  return (
    <>
      <h1>{t.toDo}</h1>
      {(me.initiatives.length > 0 || !coreTeam) && <OwnInitiatives own={me.initiatives} overviews={loaded} />}
      {coreTeam && <CheckInsDue overviews={loaded} loading={loading} failed={failed} />}
      {coreTeam && <AwaitingAnswer initiatives={initiatives.data ?? []} />}
      {me.person && <OwnNextSteps personId={me.person.id} />}
      {coreTeam && me.person && <MinutesToAdjust personId={me.person.id} />}
      <ExpiringMandates overviews={loaded} loading={loading} failed={failed} />
    </>
  );
}

import { initiativePath, useApiQuery } from "../api/queries";
import type { InitiativeOverview, Me } from "../api/types";
import { useDocumentTitle } from "../components/document-title";
import { InitiativeDetails } from "../components/InitiativeDetails";
import { QueryState } from "../components/QueryState";
import { useLanguage } from "../i18n/language";
import { PastBanner } from "../time-travel/PastBanner";
import { TimeControls } from "../time-travel/TimeControls";
import { useTimeTravel } from "../time-travel/use-time-travel";

/**
 * /initiativ/{id}: the initiative's overview (GET /api/v1/initiatives/{id}), in force today
 * as known now, or on the time machine's `galler` as known at its `kant`.
 */
export function InitiativePage({ id, me }: { id: string; me: Me }) {
  const { t } = useLanguage();
  const time = useTimeTravel();
  const overview = useApiQuery<InitiativeOverview>(time.api(initiativePath(id), { at: "at", asOf: true }));
  useDocumentTitle(overview.data?.name ?? t.initiative);
  if (overview.error)
    // Not registered as known then, or not readable: still the way back to another time.
    return (
      <>
        <h1>{t.initiative}</h1>
        <PastBanner subject="initiative" />
        <QueryState query={overview}>{() => null}</QueryState>
        <TimeControls />
      </>
    );
  return <QueryState query={overview}>{(initiative) => <InitiativeDetails initiative={initiative} me={me} />}</QueryState>;
}

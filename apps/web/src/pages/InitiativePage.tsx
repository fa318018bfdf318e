import { useInitiative } from "../api/queries";
import type { Me } from "../api/types";
import { useDocumentTitle } from "../components/document-title";
import { InitiativeDetails } from "../components/InitiativeDetails";
import { QueryState } from "../components/QueryState";
import { useLanguage } from "../i18n/language";

/** /initiativ/{id}: the initiative's overview as of today (GET /api/v1/initiatives/{id}). */
export function InitiativePage({ id, me }: { id: string; me: Me }) {
  const { t } = useLanguage();
  const overview = useInitiative(id);
  useDocumentTitle(overview.data?.name ?? t.initiative);
  return <QueryState query={overview}>{(initiative) => <InitiativeDetails initiative={initiative} me={me} />}</QueryState>;
}

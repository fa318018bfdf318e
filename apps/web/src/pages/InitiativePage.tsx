import { useInitiative } from "../api/queries";
import type { Me } from "../api/types";
import { InitiativeDetails } from "../components/InitiativeDetails";
import { QueryState } from "../components/QueryState";

/** /initiativ/{id}: the initiative's overview as of today (GET /api/v1/initiatives/{id}). */
export function InitiativePage({ id, me }: { id: string; me: Me }) {
  const overview = useInitiative(id);
  return <QueryState query={overview}>{(initiative) => <InitiativeDetails initiative={initiative} me={me} />}</QueryState>;
}

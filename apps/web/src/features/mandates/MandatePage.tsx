import type { ReactNode } from "react";
import { Link } from "react-aria-components";
import { useApiQuery } from "../../api/queries";
import type { InitiativeOverview, Mandate, Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { SENT_PARAMETER, paths } from "../../router";
import { type MandateAction, messages } from "./messages";

/** The words the initiative page's `skickad` parameter says after each change of mandate. */
export const MANDATE_SENT: Readonly<Record<MandateAction, string>> = {
  grant: "mandat-givet",
  amend: "mandat-andrat",
  renew: "mandat-fornyat",
  revoke: "mandat-aterkallat",
};

/** The initiative page, saying that the mandate was granted, amended, renewed or revoked. */
export const initiativeAfter = (initiativeId: string, action: MandateAction): string =>
  `${paths.initiative(initiativeId)}?${SENT_PARAMETER}=${MANDATE_SENT[action]}`;

const TITLES = {
  grant: "grantMandateTitle",
  amend: "amendMandateTitle",
  renew: "renewMandateTitle",
  revoke: "revokeMandateTitle",
} as const;

/**
 * A page that changes an initiative's mandate: for the Core Team only (others are told so),
 * named after the action and the initiative. A grant may follow a mandate in force (it is told
 * so); the others need one, and get it.
 */
export function MandatePage({
  me,
  initiativeId,
  action,
  children,
}: {
  me: Me;
  initiativeId: string;
  action: MandateAction;
  children: (initiative: InitiativeOverview, mandate: Mandate | null) => ReactNode;
}) {
  const m = useMessages(messages);
  const title = m[TITLES[action]];
  const coreTeam = me.roles.includes("core-team");
  const overview = useApiQuery<InitiativeOverview>(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}`);
  useDocumentTitle(overview.data ? m.titleFor(title, overview.data.name) : title);
  if (!coreTeam) {
    return (
      <>
        <h1>{title}</h1>
        <p>{m.onlyCoreTeam}</p>
      </>
    );
  }
  return (
    <QueryState query={overview}>
      {(initiative) => (
        <>
          <h1>{m.titleFor(title, initiative.name)}</h1>
          {action === "grant" ? (
            <>
              {initiative.mandate && <p className="note">{m.mandateInForce}</p>}
              {children(initiative, initiative.mandate)}
            </>
          ) : initiative.mandate ? (
            children(initiative, initiative.mandate)
          ) : (
            <>
              <p>{m.noMandateInForce}</p>
              <p>
                <Link href={paths.initiative(initiative.id)}>{m.backToInitiative}</Link>
              </p>
            </>
          )}
        </>
      )}
    </QueryState>
  );
}

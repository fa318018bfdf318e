import type { ReactNode } from "react";
import { useInitiative } from "../../api/queries";
import { Link } from "react-aria-components";
import type { InitiativeOverview, Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { mayActOn } from "../initiative/ActionLinks";
import { messages } from "./messages";

/**
 * A lead's form page for one initiative: named in the tab and in its one h1 with the form's
 * title and the initiative's name; the form gets the initiative (its leads, goals) once read.
 * Someone who may not act on it (an auditor, the lead of another initiative, anyone once it is
 * closed) is told so up front, not after filling the form in.
 */
export function InitiativeFormPage({
  me,
  initiativeId,
  title,
  children,
}: {
  me: Me;
  initiativeId: string;
  title: string;
  children: (initiative: InitiativeOverview) => ReactNode;
}) {
  const m = useMessages(messages);
  const overview = useInitiative(initiativeId);
  const heading = overview.data ? m.titleFor(title, overview.data.name) : title;
  useDocumentTitle(heading);
  return (
    <>
      <h1>{heading}</h1>
      <QueryState query={overview}>
        {(initiative) => (mayActOn(initiative, me) ? children(initiative) : <NotForYou initiative={initiative} />)}
      </QueryState>
    </>
  );
}

/** Who may act here, and the way back, in place of a form the API would refuse. */
export function NotForYou({ initiative }: { initiative: InitiativeOverview }) {
  const m = useMessages(messages);
  return (
    <>
      <p>{initiative.status === "open" ? m.onlyLeadsAndCoreTeam : m.closedInitiative}</p>
      <p>
        <Link href={paths.initiative(initiative.id)}>{m.backToInitiative(initiative.name)}</Link>
      </p>
    </>
  );
}

import type { ReactNode } from "react";
import { useInitiative } from "../../api/queries";
import type { InitiativeOverview } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";

/**
 * A lead's form page for one initiative: named in the tab and in its one h1 with the form's
 * title and the initiative's name; the form gets the initiative (its leads, goals) once read.
 */
export function InitiativeFormPage({
  initiativeId,
  title,
  children,
}: {
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
      <QueryState query={overview}>{children}</QueryState>
    </>
  );
}

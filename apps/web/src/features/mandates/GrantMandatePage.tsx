import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";

/** Not built yet: issue 13 (a placeholder the route table points at). */
export function GrantMandatePage(_props: { me: Me; initiativeId: string }) {
  const m = useMessages(messages);
  useDocumentTitle(m.grantMandateTitle);
  return <h1>{m.grantMandateTitle}</h1>;
}

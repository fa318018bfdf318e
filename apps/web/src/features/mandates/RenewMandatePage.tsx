import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";

/** Not built yet: issue 13 (a placeholder the route table points at). */
export function RenewMandatePage(_props: { me: Me; initiativeId: string }) {
  const m = useMessages(messages);
  useDocumentTitle(m.renewMandateTitle);
  return <h1>{m.renewMandateTitle}</h1>;
}

import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";

/** Not built yet: issue 13 (a placeholder the route table points at). */
export function RecordReadingPage(_props: { me: Me; initiativeId: string; goalId: string }) {
  const m = useMessages(messages);
  useDocumentTitle(m.recordReadingTitle);
  return <h1>{m.recordReadingTitle}</h1>;
}

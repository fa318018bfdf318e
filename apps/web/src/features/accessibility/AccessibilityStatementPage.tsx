import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";

/** Not built yet: issue 13 (a placeholder the route table points at). */
export function AccessibilityStatementPage() {
  const m = useMessages(messages);
  useDocumentTitle(m.accessibilityStatementTitle);
  return <h1>{m.accessibilityStatementTitle}</h1>;
}

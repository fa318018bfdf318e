import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { defineMessages, useMessages } from "../../i18n/define-messages";

const messages = defineMessages({ title: "Granskning" }, { title: "Audit" });

/** /granskning: the log's integrity and exports, for auditors. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function AuditPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.title);
  return <h1>{m.title}</h1>;
}

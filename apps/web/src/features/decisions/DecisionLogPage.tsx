import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { defineMessages, useMessages } from "../../i18n/define-messages";

const messages = defineMessages({ title: "Beslutslogg" }, { title: "Decision log" });

/** /beslut: the decision log, in force on a date as known at an instant (helper A fills it in). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function DecisionLogPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.title);
  return <h1>{m.title}</h1>;
}

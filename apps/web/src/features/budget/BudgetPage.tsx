import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { defineMessages, useMessages } from "../../i18n/define-messages";

const messages = defineMessages({ title: "Budget" }, { title: "Budget" });

/** /budget: a focus area's budget per year. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function BudgetPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.title);
  return <h1>{m.title}</h1>;
}

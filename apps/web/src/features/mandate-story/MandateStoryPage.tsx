import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { defineMessages, useMessages } from "../../i18n/define-messages";

const messages = defineMessages({ title: "Mandatets historia" }, { title: "The mandate's story" });

/** /initiativ/{id}/mandathistorik/{mandateId}: why this initiative has this mandate. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function MandateStoryPage({ me, initiativeId, mandateId }: { me: Me; initiativeId: string; mandateId: string }) {
  const m = useMessages(messages);
  useDocumentTitle(m.title);
  return <h1>{m.title}</h1>;
}

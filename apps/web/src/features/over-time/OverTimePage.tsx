import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { defineMessages, useMessages } from "../../i18n/define-messages";

const messages = defineMessages({ title: "Över tid" }, { title: "Over time" });

/** /initiativ/{id}/over-tid: the initiative pictured over time. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function OverTimePage({ me, initiativeId }: { me: Me; initiativeId: string }) {
  const m = useMessages(messages);
  useDocumentTitle(m.title);
  return <h1>{m.title}</h1>;
}

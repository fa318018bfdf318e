import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { defineMessages, useMessages } from "../../i18n/define-messages";

const messages = defineMessages({ title: "Administration" }, { title: "Administration" });

/** /administration and everything under it: the admin's pages. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export function AdministrationPage({ me, rest }: { me: Me; rest: string }) {
  const m = useMessages(messages);
  useDocumentTitle(m.title);
  return <h1>{m.title}</h1>;
}

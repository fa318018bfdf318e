import type { Me } from "../../api/types";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { ExportSection } from "./ExportSection";
import { VerificationSection } from "./VerificationSection";
import { messages } from "./messages";
import "./audit.css";

/**
 * /granskning: the log's integrity (GET /audit/verify, again on request) and its export
 * (GET /audit/export), for auditors and administrators; anyone else is told so.
 */
export function AuditPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.title);
  const mayAudit = me.roles.includes("auditor") || me.roles.includes("admin");
  return (
    <>
      <h1>{m.title}</h1>
      {mayAudit ? (
        <>
          <p>{m.intro}</p>
          <VerificationSection />
          <ExportSection />
        </>
      ) : (
        <p className="note-box">{m.notForYou}</p>
      )}
    </>
  );
}

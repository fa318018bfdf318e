import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { messages } from "./messages";
import { OPERATOR } from "./operator";
import "./accessibility.css";

/** When the statement was prepared and last reviewed: change with every review of it. */
const PREPARED_ON = "2026-12-02";
const REVIEWED_ON = "2026-12-02";

/** Digg's form for reporting a public body's inaccessible digital service. */
const DIGG_REPORT_FORM = "https://www.digg.se/tdosanmalan";

/** How to reach the organisation that runs the service, or an open note that nobody has said yet. */
function Contact() {
  const m = useMessages(messages);
  const { language } = useLanguage();
  if (!OPERATOR)
    return (
      <div className="statement-missing" role="note" aria-labelledby="statement-missing-title">
        <h3 id="statement-missing-title">{m.operatorMissingTitle}</h3>
        <p>{m.operatorMissing}</p>
      </div>
    );
  return (
    <>
      <ul>
        <li>
          {m.contactEmail} <a href={`mailto:${OPERATOR.email}`}>{OPERATOR.email}</a>
        </li>
        {OPERATOR.phone && (
          <li>
            {m.contactPhone} <a href={`tel:${OPERATOR.phone.replace(/[^+\d]/g, "")}`}>{OPERATOR.phone}</a>
          </li>
        )}
      </ul>
      {OPERATOR.responseTime && <p>{m.responseTime(OPERATOR.responseTime[language])}</p>}
    </>
  );
}

/**
 * Tillgänglighetsredogörelse / accessibility statement, open to everyone signed in or not, in
 * the sections DIGG's model statement has: who stands behind the service, how accessible it
 * is, how to get content another way and report problems, Digg's supervision, the compliance
 * status with the known shortcomings, how it was tested, and the statement's dates.
 */
export function AccessibilityStatementPage() {
  const m = useMessages(messages);
  const { language } = useLanguage();
  useDocumentTitle(m.accessibilityStatementTitle);
  return (
    <div className="statement">
      <h1>{m.accessibilityStatementTitle}</h1>
      <p>{m.intro(OPERATOR?.name ?? m.operatorFallback)}</p>

      <h2>{m.howAccessibleTitle}</h2>
      <p>{m.howAccessible}</p>

      <h2>{m.alternativesTitle}</h2>
      <p>{m.alternatives}</p>
      <Contact />

      <h2>{m.feedbackTitle}</h2>
      <p>{m.feedback}</p>

      <h2>{m.supervisionTitle}</h2>
      <p>{m.supervision}</p>
      <p>
        <a href={DIGG_REPORT_FORM}>{m.reportToDigg}</a>
      </p>

      <h2>{m.technicalTitle}</h2>
      <p>{m.compliance}</p>

      <h3>{m.shortcomingsTitle}</h3>
      <ul>
        {m.shortcomings.map((shortcoming) => (
          <li key={shortcoming}>{shortcoming}</li>
        ))}
      </ul>

      <h3>{m.testingTitle}</h3>
      <p>{m.testingIntro}</p>
      <ul>
        {m.testing.map((check) => (
          <li key={check}>{check}</li>
        ))}
      </ul>
      <p>{m.dates(formatDate(PREPARED_ON, language), formatDate(REVIEWED_ON, language))}</p>
    </div>
  );
}

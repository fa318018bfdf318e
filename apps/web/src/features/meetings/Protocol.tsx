import { byName, formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { useFocusAreaName } from "./meeting-name";
import { messages } from "./messages";
import type { Minutes } from "./types";

/** A line to sign on, with the name and role printed under it. */
function Signature({ role, name, note }: { role: string; name: string; note?: string }) {
  return (
    <div className="signature">
      <p className="signature-role">{role}</p>
      <div className="signature-line" aria-hidden="true" />
      <p>{name}</p>
      {note && <p className="note">{note}</p>}
    </div>
  );
}

/**
 * The minutes as a Swedish protocol, as the Core Team keeps them: the meeting, the day and
 * the registration number; who was present and absent; each agenda item as a § with the
 * decisions and comments taken under it; the next steps; lines for the chair, the secretary
 * and the two adjusters to sign.
 */
export function Protocol({ minutes, nameOf }: { minutes: Minutes; nameOf: (id: string | null) => string }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const areaName = useFocusAreaName();
  const people = (ids: ReadonlyArray<string>) =>
    ids
      .map((id) => ({ id, name: nameOf(id) }))
      .sort(byName)
      .map((person) => person.name);
  const titles = new Set(minutes.agendaItems.map((item) => item.title));
  const otherDecisions = minutes.decisions.filter(
    (decision) => decision.paragraph === null || !minutes.agendaItems.some((item) => item.paragraph === decision.paragraph),
  );
  const otherComments = minutes.comments.filter((comment) => !titles.has(comment.topic));
  const adjustedOn = (id: string) => minutes.adjustments.find((adjustment) => adjustment.adjusterId === id)?.on;

  return (
    <article className="protocol" aria-labelledby="protocol-title">
      <header className="protocol-head">
        <h1 id="protocol-title">{m.protocol}</h1>
        <p className="protocol-meeting">
          {m.body[minutes.body] ?? minutes.body} – {areaName(minutes.focusArea)}
        </p>
        <dl className="facts">
          <dt>{m.date}</dt>
          <dd>{minutes.heldOn ? formatDate(minutes.heldOn, language) : ""}</dd>
          <dt>{m.registrationNumber}</dt>
          <dd>{minutes.registrationNumber ?? "–"}</dd>
        </dl>
      </header>

      <section aria-labelledby="present-title" className="protocol-block">
        <h2 id="present-title">{m.attendees}</h2>
        <p>{people(minutes.attendees).join(", ") || "–"}</p>
        <h2 id="absent-title">{m.absentees}</h2>
        <p>{people(minutes.absentees).join(", ") || "–"}</p>
        <dl className="facts">
          <dt>{m.chair}</dt>
          <dd>{nameOf(minutes.chairId) || "–"}</dd>
          <dt>{m.secretary}</dt>
          <dd>{nameOf(minutes.secretaryId) || "–"}</dd>
          <dt>{m.adjusters}</dt>
          <dd>{minutes.adjusterIds.map(nameOf).join(", ") || "–"}</dd>
        </dl>
      </section>

      {minutes.agendaItems.map((item) => {
        const decisions = minutes.decisions.filter((decision) => decision.paragraph === item.paragraph);
        const comments = minutes.comments.filter((comment) => comment.topic === item.title);
        const id = `paragraph-${item.paragraph}`;
        return (
          <section key={item.paragraph} aria-labelledby={id} className="protocol-paragraph">
            <h2 id={id}>
              {m.paragraph(item.paragraph)} {item.title}
            </h2>
            {decisions.length === 0 && comments.length === 0 && <p>{m.noneRecorded}</p>}
            {decisions.map((decision) => (
              <div key={decision.decisionId} className="protocol-decision">
                <p>
                  <strong>{decision.subject}</strong>
                  {decision.registrationNumber && ` (${decision.registrationNumber})`}
                </p>
                <p>
                  <strong>{m.decision}:</strong> {decision.decision}
                </p>
                {decision.rationale && (
                  <p>
                    <strong>{m.rationale}:</strong> {decision.rationale}
                  </p>
                )}
              </div>
            ))}
            {comments.length > 0 && (
              <>
                <h3>{m.commentsTitle}</h3>
                <ol>
                  {comments.map((comment, index) => (
                    <li key={index}>{comment.comment}</li>
                  ))}
                </ol>
              </>
            )}
          </section>
        );
      })}

      {otherDecisions.length > 0 && (
        <section aria-labelledby="other-decisions-title" className="protocol-paragraph">
          <h2 id="other-decisions-title">{m.otherDecisions}</h2>
          {otherDecisions.map((decision) => (
            <p key={decision.decisionId}>
              <strong>{decision.subject}:</strong> {decision.decision}
            </p>
          ))}
        </section>
      )}
      {otherComments.length > 0 && (
        <section aria-labelledby="other-comments-title" className="protocol-paragraph">
          <h2 id="other-comments-title">{m.otherComments}</h2>
          <ul>
            {otherComments.map((comment, index) => (
              <li key={index}>
                <strong>{comment.topic}:</strong> {comment.comment}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="protocol-next-steps" className="protocol-paragraph">
        <h2 id="protocol-next-steps">{m.nextStepsTitle}</h2>
        {minutes.nextSteps.length === 0 ? (
          <p>{m.noneRecorded}</p>
        ) : (
          <ul>
            {minutes.nextSteps.map((step) => (
              <li key={step.nextStepId}>
                {step.text}
                {step.ownerId && ` – ${m.owner}: ${nameOf(step.ownerId)}`}
                {step.due && ` – ${m.due}: ${formatDate(step.due, language)}`}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="signatures-title" className="protocol-signatures">
        <h2 id="signatures-title">{m.signatures}</h2>
        <div className="signature-grid">
          <Signature role={m.signatureSecretary} name={nameOf(minutes.secretaryId)} />
          <Signature role={m.signatureChair} name={nameOf(minutes.chairId)} />
          {minutes.adjusterIds.map((id) => {
            const on = adjustedOn(id);
            return (
              <Signature
                key={id}
                role={m.signatureAdjuster}
                name={nameOf(id)}
                {...(on ? { note: m.adjustedOn(formatDate(on, language)) } : {})}
              />
            );
          })}
        </div>
        <p>{minutes.approvedOn ? m.approvedOn(formatDate(minutes.approvedOn, language)) : m.notApproved}</p>
      </section>
    </article>
  );
}

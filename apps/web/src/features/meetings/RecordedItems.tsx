import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";
import type { Minutes } from "./types";

/** The decisions recorded so far, each with its §. */
export function RecordedDecisions({ minutes }: { minutes: Minutes }) {
  const m = useMessages(messages);
  if (minutes.decisions.length === 0) return <p>{m.noDecisions}</p>;
  return (
    <ul className="cards">
      {minutes.decisions.map((decision) => (
        <li key={decision.decisionId}>
          <p>
            <strong>
              {decision.paragraph !== null && `${m.paragraph(decision.paragraph)} `}
              {decision.subject}
            </strong>{" "}
            ({m.kind[decision.kind]})
          </p>
          <p>{decision.decision}</p>
          {decision.rationale && (
            <p>
              {m.rationale}: {decision.rationale}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function RecordedComments({ minutes }: { minutes: Minutes }) {
  const m = useMessages(messages);
  if (minutes.comments.length === 0) return <p>{m.noComments}</p>;
  return (
    <ul className="cards">
      {minutes.comments.map((comment, index) => (
        <li key={index}>
          <p>
            <strong>{comment.topic}</strong>
          </p>
          <p>{comment.comment}</p>
        </li>
      ))}
    </ul>
  );
}

/** The next steps, each with who is responsible and by when. */
export function RecordedNextSteps({ minutes, nameOf }: { minutes: Minutes; nameOf: (id: string | null) => string }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  if (minutes.nextSteps.length === 0) return <p>{m.noNextSteps}</p>;
  return (
    <ul className="cards">
      {minutes.nextSteps.map((step) => (
        <li key={step.nextStepId}>
          <p>{step.text}</p>
          {step.ownerId && (
            <p>
              {m.owner}: {nameOf(step.ownerId)}
            </p>
          )}
          {step.due && (
            <p>
              {m.due}: {formatDate(step.due, language)}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

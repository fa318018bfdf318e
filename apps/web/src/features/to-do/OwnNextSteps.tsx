import { Link } from "react-aria-components";
import { useMessages } from "../../i18n/define-messages";
import { formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { messages } from "./messages";
import { useOpenNextSteps } from "./queries";
import { ToDoSection } from "./ToDoSection";

/** The open next steps the person owns, by due date as the API sorts them (none last), overdue said so. */
export function OwnNextSteps({ personId }: { personId: string }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const steps = useOpenNextSteps();
  const today = todayInStockholm();
  const own = steps.data?.filter((step) => step.ownerId === personId);
  return (
    <ToDoSection id="own-next-steps" title={m.ownNextSteps} count={own?.length} empty={m.ownNextStepsNone} failed={steps.isError}>
      <ul className="cards">
        {own?.map((step) => (
          <li key={step.nextStepId}>
            <p>{step.text}</p>
            <p>
              {step.due === null ? (
                m.noDue
              ) : step.due < today ? (
                <strong className="overdue">{m.overdueSince(formatDate(step.due, language))}</strong>
              ) : (
                m.dueOn(formatDate(step.due, language))
              )}
            </p>
            <p>
              <Link href={paths.meeting(step.meetingId)}>{m.agreedAt(formatDate(step.heldOn, language))}</Link>
            </p>
          </li>
        ))}
      </ul>
    </ToDoSection>
  );
}

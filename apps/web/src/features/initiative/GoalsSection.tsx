import { Link } from "react-aria-components";
import type { InitiativeOverview } from "../../api/types";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { GoalReadings } from "./GoalReadings";
import { messages } from "./messages";

/** The overview's goal, with the indicator the API answers beside its statement. */
type Goal = InitiativeOverview["goals"][number] & { readonly indicator?: string };

/** The goal picture (målbild): each active goal with its indicator and latest readings. */
export function GoalsSection({ initiative, mayAct }: { initiative: InitiativeOverview; mayAct: boolean }) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  const goals: ReadonlyArray<Goal> = initiative.goals;
  return (
    <section aria-labelledby="goals">
      <h2 id="goals">{t.goals}</h2>
      {goals.length === 0 ? (
        <p>{t.goalsNone}</p>
      ) : (
        <ul className="cards">
          {goals.map((goal) => (
            <li key={goal.goalId}>
              <p>
                <strong>{goal.statement}</strong>
                {goal.targetDate && (
                  <span className="note">
                    {t.targetDate} {formatDate(goal.targetDate, language)}
                  </span>
                )}
              </p>
              {goal.indicator && (
                <p>
                  {m.indicator}: {goal.indicator}
                </p>
              )}
              <GoalReadings initiativeId={initiative.id} goalId={goal.goalId} statement={goal.statement} />
              {mayAct && (
                <p className="no-print">
                  <Link href={paths.recordReading(initiative.id, goal.goalId)} aria-label={m.newReadingFor(goal.statement)}>
                    {m.newReading}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

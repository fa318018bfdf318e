import { Link } from "react-aria-components";
import { type CheckInState, type WithLastCheckIn, checkInDue, checkInState } from "../../components/initiative-state";
import { useMessages } from "../../i18n/define-messages";
import { byName, formatDate, todayInStockholm } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { messages } from "./messages";
import { ToDoSection } from "./ToDoSection";

const URGENCY: Record<CheckInState["kind"], number> = { overdue: 0, "never-held": 1, scheduled: 2 };

/**
 * The Core Team's check-ins: every open initiative whose check-in is overdue, was never
 * held, or is due within 14 days; the most urgent first.
 */
export function CheckInsDue({
  overviews,
  loading,
  failed,
}: {
  overviews: ReadonlyArray<WithLastCheckIn>;
  loading: boolean;
  failed: boolean;
}) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  const today = todayInStockholm();
  const due = overviews
    .map((overview) => ({ overview, state: checkInState(overview) }))
    .filter(({ state }) => checkInDue(state, today))
    .sort(
      (a, b) =>
        URGENCY[a.state.kind] - URGENCY[b.state.kind] ||
        (a.state.due ?? "9999-12-31").localeCompare(b.state.due ?? "9999-12-31") ||
        byName(a.overview, b.overview),
    );
  const describe = ({ kind, due: day }: CheckInState) => {
    const date = day ? formatDate(day, language) : null;
    if (kind === "overdue") return <strong className="overdue">{date ? m.checkInOverdueOn(date) : t.checkInOverdue}</strong>;
    if (kind === "never-held") return <strong>{date ? m.checkInNeverHeldFirstBy(date) : m.checkInNeverHeld}</strong>;
    return date ? m.checkInDueOn(date) : null;
  };
  return (
    <ToDoSection
      id="check-ins-due"
      title={m.checkInsDue}
      count={loading ? undefined : due.length}
      empty={m.checkInsDueNone}
      failed={failed}
    >
      <ul className="cards">
        {due.map(({ overview, state }) => (
          <li key={overview.id}>
            <Link href={paths.initiative(overview.id)}>{overview.name}</Link>
            <p>{describe(state)}</p>
          </li>
        ))}
      </ul>
    </ToDoSection>
  );
}

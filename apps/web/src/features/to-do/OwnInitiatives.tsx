import { Link } from "react-aria-components";
import type { Me } from "../../api/types";
import { type WithLastCheckIn, checkInState } from "../../components/initiative-state";
import { useMessages } from "../../i18n/define-messages";
import { byName, formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { messages } from "./messages";
import { ToDoSection } from "./ToDoSection";

/**
 * A lead's check-ins: each of their own open initiatives, by name, with the day its next
 * check-in is due, overdue or never held said in words, and the way to record one.
 */
export function OwnInitiatives({ own, overviews }: { own: Me["initiatives"]; overviews: ReadonlyArray<WithLastCheckIn> }) {
  const { language, t } = useLanguage();
  const m = useMessages(messages);
  return (
    <ToDoSection id="own-initiatives" title={t.ownInitiatives} count={own.length} empty={t.ownInitiativesNone}>
      <ul className="cards">
        {[...own].sort(byName).map((initiative) => {
          const overview = overviews.find((candidate) => candidate.id === initiative.id);
          const state = overview && checkInState(overview);
          return (
            <li key={initiative.id}>
              <Link href={paths.initiative(initiative.id)}>{initiative.name}</Link>
              {state && (
                <p>
                  {t.nextCheckIn}: {state.due ? formatDate(state.due, language) : t.noCheckInAgreed}
                  {state.kind === "overdue" && <strong className="overdue"> ({t.checkInOverdue})</strong>}
                  {state.kind === "never-held" && <strong> ({m.checkInNeverHeld})</strong>}
                </p>
              )}
              <p>
                {/* Its purpose is clear from the list item it is in (WCAG 2.4.4, in context). */}
                <Link href={paths.recordCheckIn(initiative.id)}>{m.recordCheckIn}</Link>
              </p>
            </li>
          );
        })}
      </ul>
    </ToDoSection>
  );
}

import { Link } from "react-aria-components";
import type { InitiativeOverview } from "../../api/types";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { messages } from "./messages";

/** The initiative's other pages, for everyone who reads it: the mandate's story, and its pictures over time. */
export function InitiativeViews({ initiative }: { initiative: InitiativeOverview }) {
  const m = useMessages(messages);
  const time = useTimeTravel();
  return (
    <nav aria-label={m.views} className="initiative-views no-print">
      <ul>
        {initiative.mandate && (
          <li>
            <Link href={time.link(paths.mandateStory(initiative.id, initiative.mandate.mandateId))}>{m.mandateStory}</Link>
          </li>
        )}
        <li>
          {/* The pictures show today only: no time carried to a page that would not show it. */}
          <Link href={paths.overTime(initiative.id)}>{m.overTime}</Link>
        </li>
      </ul>
    </nav>
  );
}

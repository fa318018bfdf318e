import { Link } from "react-aria-components";
import type { InitiativeOverview, Me } from "../../api/types";
import { useMessages } from "../../i18n/define-messages";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { messages } from "./messages";

/** Whether the person may write for the initiative: its leads and the Core Team, while it is open. */
export const mayActOn = (initiative: InitiativeOverview, me: Me): boolean =>
  initiative.status === "open" && (me.roles.includes("core-team") || me.initiatives.some((own) => own.id === initiative.id));

/**
 * What the person may do next: the lead's forms for its leads and the Core Team, and the
 * mandate's changes for the Core Team alone (a grant when none is in force).
 */
export function ActionLinks({ initiative, me }: { initiative: InitiativeOverview; me: Me }) {
  const { t } = useLanguage();
  const m = useMessages(messages);
  if (!mayActOn(initiative, me)) return null;
  const id = initiative.id;
  const lead = [
    { href: paths.submitSignal(id), label: t.submitSignal },
    { href: paths.recordCheckIn(id), label: m.recordCheckIn },
    { href: paths.raiseTension(id), label: m.raiseTension },
    { href: paths.setGoal(id), label: m.setGoal },
  ];
  const mandate = !me.roles.includes("core-team")
    ? []
    : initiative.mandate === null
      ? [{ href: paths.grantMandate(id), label: m.grantMandate }]
      : [
          { href: paths.amendMandate(id), label: m.amendMandate },
          { href: paths.renewMandate(id), label: m.renewMandate },
          { href: paths.revokeMandate(id), label: m.revokeMandate },
        ];
  return (
    <nav aria-label={m.actions} className="initiative-actions no-print">
      <ul>
        {[...lead, ...mandate].map((action, index) => (
          <li key={action.href}>
            <Link className={index === 0 ? "button" : "button secondary"} href={action.href}>
              {action.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

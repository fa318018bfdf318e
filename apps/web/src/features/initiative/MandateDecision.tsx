import { Link } from "react-aria-components";
import { QueryState } from "../../components/QueryState";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { useTimeTravel } from "../../time-travel/use-time-travel";
import { messages } from "./messages";
import { useMandateVersions, useMeeting } from "./queries";
import type { DecisionRef } from "./types";

/** The meeting's decision a version cites: its §, the meeting's day, its subject, a link to the minutes. */
function MeetingDecision({ decision }: { decision: DecisionRef }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const time = useTimeTravel();
  const meeting = useMeeting(decision.meetingId);
  return (
    <QueryState query={meeting}>
      {(found) => {
        const cited = found.decisions.find((each) => each.decisionId === decision.decisionId);
        const body = m.meetingBody[found.body] ?? found.body;
        const registration = cited?.registrationNumber ?? found.registrationNumber;
        return (
          <>
            {m.meetingDecision(cited?.paragraph ?? null, body, found.heldOn ? formatDate(found.heldOn, language) : null)}
            {cited && <>: {cited.subject}</>}
            {registration && <> ({registration})</>}{" "}
            {/* In the past: the minutes as known then (the meeting's page, with its forms, shows now). */}
            <Link
              className="no-print"
              href={time.inPast ? time.link(paths.minutes(decision.meetingId)) : paths.meeting(decision.meetingId)}
            >
              {time.inPast ? m.openMinutes : m.openMeeting}
            </Link>
          </>
        );
      }}
    </QueryState>
  );
}

/**
 * "The decision behind it": each version of the mandate in force (granted, then amended or
 * renewed), with the meeting decision it cites, or said to have been taken without one.
 */
export function MandateDecision({ initiativeId, mandateId }: { initiativeId: string; mandateId: string }) {
  const m = useMessages(messages);
  const { language } = useLanguage();
  const { day } = useTimeTravel();
  const versions = useMandateVersions(initiativeId);
  return (
    <div className="mandate-decision">
      <h3>{m.decisionBehind}</h3>
      <QueryState query={versions}>
        {(list) => (
          <ul>
            {list
              .filter((version) => version.mandateId === mandateId && version.effectiveFrom <= day)
              .map((version) => (
                <li key={version.version}>
                  <strong>
                    {m.changeFrom(m.change[version.change] ?? version.change, formatDate(version.effectiveFrom, language))}
                  </strong>
                  : {version.decision ? <MeetingDecision decision={version.decision} /> : m.withoutMeeting}
                  {version.reason && (
                    <span className="note">
                      {m.reason}: {version.reason}
                    </span>
                  )}
                </li>
              ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}

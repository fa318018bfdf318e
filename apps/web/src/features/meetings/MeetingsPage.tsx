import { Link } from "react-aria-components";
import type { Me } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useDocumentTitle } from "../../components/document-title";
import { useMessages } from "../../i18n/define-messages";
import { paths } from "../../router";
import { useMeetingName } from "./meeting-name";
import { messages } from "./messages";
import { useMeetingList, useMinutesOf } from "./queries";
import type { MeetingListItem } from "./types";
import "./meetings.css";

/** One meeting of a list: its name as a link, then its status and registration number. */
function MeetingRows({ meetings, empty }: { meetings: ReadonlyArray<MeetingListItem>; empty: string }) {
  const m = useMessages(messages);
  const name = useMeetingName();
  // The list answers which meetings; each one's minutes say how far they have come.
  const minutes = useMinutesOf(meetings.map((meeting) => meeting.id));
  if (meetings.length === 0) return <p>{empty}</p>;
  return (
    <ul className="cards">
      {meetings.map((meeting, index) => {
        const details = minutes[index]?.data;
        return (
          <li key={meeting.id}>
            <p>
              <Link href={paths.meeting(meeting.id)}>{name(meeting)}</Link>
            </p>
            {details && (
              <p>
                {m.statusLabel}: {m.status[details.status]}
                {details.registrationNumber && (
                  <>
                    <br />
                    {m.registrationNumber}: {details.registrationNumber}
                  </>
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Möten / Meetings: those planned (GET /meetings?status=planned), then those held, latest
 * first; the Core Team plans the next one from here.
 */
export function MeetingsPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  useDocumentTitle(m.meetingsTitle);
  const planned = useMeetingList("planned");
  const held = useMeetingList("held");
  return (
    <>
      <h1>{m.meetingsTitle}</h1>
      {me.roles.includes("core-team") && (
        <p>
          <Link href={paths.planMeeting} className="button">
            {m.planMeetingTitle}
          </Link>
        </p>
      )}
      <section aria-labelledby="planned-meetings">
        <h2 id="planned-meetings">{m.plannedMeetings}</h2>
        <QueryState query={planned}>{(list) => <MeetingRows meetings={list} empty={m.noPlannedMeetings} />}</QueryState>
      </section>
      <section aria-labelledby="held-meetings">
        <h2 id="held-meetings">{m.heldMeetings}</h2>
        <QueryState query={held}>{(list) => <MeetingRows meetings={[...list].reverse()} empty={m.noHeldMeetings} />}</QueryState>
      </section>
    </>
  );
}

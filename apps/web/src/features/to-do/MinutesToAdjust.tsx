import { Link } from "react-aria-components";
import { useMessages } from "../../i18n/define-messages";
import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { paths } from "../../router";
import { messages } from "./messages";
import { useMeetingMinutes, useMeetings } from "./queries";
import { ToDoSection } from "./ToDoSection";

/**
 * The minutes the person must adjust: meetings held, not yet approved, where they are one
 * of the two adjusters and have not adjusted. The list of meetings says neither, so each
 * meeting's minutes are read, all at once.
 */
export function MinutesToAdjust({ personId }: { personId: string }) {
  const { language } = useLanguage();
  const m = useMessages(messages);
  const meetings = useMeetings(true);
  const minutes = useMeetingMinutes((meetings.data ?? []).map((meeting) => meeting.id));
  const loading = meetings.data === undefined || minutes.some((query) => query.data === undefined && !query.isError);
  const toAdjust = minutes
    .flatMap((query) => (query.data ? [query.data] : []))
    .filter(
      (meeting) =>
        meeting.status === "held" &&
        meeting.adjusterIds.includes(personId) &&
        !meeting.adjustments.some((adjustment) => adjustment.adjusterId === personId),
    )
    .sort((a, b) => (a.heldOn ?? "").localeCompare(b.heldOn ?? ""));
  return (
    <ToDoSection
      id="minutes-to-adjust"
      title={m.minutesToAdjust}
      count={loading ? undefined : toAdjust.length}
      empty={m.minutesToAdjustNone}
      failed={meetings.isError || minutes.some((query) => query.isError)}
    >
      <ul className="cards">
        {toAdjust.map((meeting) => (
          <li key={meeting.id}>
            <Link href={paths.meeting(meeting.id)}>{m.meetingOn(formatDate(meeting.heldOn ?? "", language))}</Link>
            {meeting.adjustments.length > 0 && <p className="note">{m.otherAdjusterDone}</p>}
          </li>
        ))}
      </ul>
    </ToDoSection>
  );
}

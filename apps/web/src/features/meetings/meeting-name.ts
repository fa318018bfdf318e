import { formatDate } from "../../i18n/format";
import { useLanguage } from "../../i18n/language";
import { useMessages } from "../../i18n/define-messages";
import { messages } from "./messages";
import type { MeetingBody } from "./types";

/** A meeting as people name it: its body and its day ("Core Team, 19 september 2024"), held or planned. */
export function useMeetingName(): (meeting: {
  readonly body: MeetingBody;
  readonly heldOn: string | null;
  readonly plannedOn: string | null;
}) => string {
  const m = useMessages(messages);
  const { language } = useLanguage();
  return (meeting) => {
    const day = meeting.heldOn ?? meeting.plannedOn;
    return m.meetingName(m.body[meeting.body] ?? meeting.body, day ? formatDate(day, language) : "");
  };
}

export { useFocusAreaName } from "../../i18n/focus-area-name";

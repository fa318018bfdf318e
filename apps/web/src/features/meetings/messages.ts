import { defineMessages } from "../../i18n/define-messages";

export const messages = defineMessages(
  {
    meetingsTitle: "Möten",
    planMeetingTitle: "Planera ett möte",
    meetingTitle: "Möte",
    minutesTitle: "Protokoll",
  },
  {
    meetingsTitle: "Meetings",
    planMeetingTitle: "Plan a meeting",
    meetingTitle: "Meeting",
    minutesTitle: "Minutes",
  },
);

import { SENT_PARAMETER, paths } from "../../router";

/** A step on a meeting that changes what its page shows: held, registered, adjusted, approved. */
export type MeetingStep = "held" | "registration" | "adjustment" | "approval";

/** The meeting's page after `step`, saying at its top that it was saved (MeetingPage's notice). */
export const meetingAfter = (meetingId: string, step: MeetingStep): string =>
  `${paths.meeting(meetingId)}?${SENT_PARAMETER}=${step}`;

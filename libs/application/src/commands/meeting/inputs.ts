import { MeetingId, meetingEvents as events } from "#domain";
import { z } from "zod";

// What callers send. Ids a command creates (meeting, decision, next step) are minted by the
// pipeline; every later command names its meeting.
const onMeeting = { meetingId: MeetingId };
export const HoldMeetingInput = events.MeetingHeld.schema;
export const RecordDecisionInput = events.DecisionRecorded.schema.omit({ decisionId: true }).extend(onMeeting);
export const RecordCommentInput = events.CommentRecorded.schema.extend(onMeeting);
export const AgreeNextStepInput = events.NextStepAgreed.schema.omit({ nextStepId: true }).extend(onMeeting);
/** The approval carries nothing but which meeting: it is dated today. */
export const ApproveMinutesInput = z.strictObject(onMeeting);
export const CorrectMinutesInput = events.MinutesCorrected.schema.extend(onMeeting);

import { MeetingId, NextStepId, isoDate, meetingEvents as events } from "#domain";
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
/** A meeting to be held; its agenda may be built from the agenda candidates (open items). */
export const PlanMeetingInput = events.MeetingPlanned.schema;
/** Body, focus area and agenda come from the plan. */
export const HoldPlannedMeetingInput = events.MeetingHeld.schema
  .pick({ heldOn: true, attendees: true, absentees: true })
  .extend(onMeeting);
export const AppointMeetingOfficersInput = events.MeetingOfficersAppointed.schema.extend(onMeeting);
/** The adjuster is the one acting (the token's person), and the adjustment is dated today. */
export const AdjustMinutesInput = z.strictObject(onMeeting);
export const CompleteNextStepInput = z.strictObject({ ...onMeeting, nextStepId: NextStepId, on: isoDate });
export const DropNextStepInput = events.NextStepDropped.schema.extend(onMeeting);
export const ReportDelegationDecisionsInput = events.DelegationDecisionsReported.schema.extend(onMeeting);

import { z } from "zod";
import type { CommandRecording } from "../shared/decider.js";
import type { PersonId } from "../shared/schema-primitives.js";
import { type MeetingEventOf, meetingEvents as events } from "./events.js";

// HTTP bodies. Ids a command creates (meeting, decision, next step) are minted by the
// application; the meeting id of every later command is taken from the path.
export const HoldMeetingInput = events.MeetingHeld.schema;
export const RecordDecisionInput = events.DecisionRecorded.schema.omit({ decisionId: true });
export const RecordCommentInput = events.CommentRecorded.schema;
export const AgreeNextStepInput = events.NextStepAgreed.schema.omit({ nextStepId: true });
/** The approval carries nothing: the application dates it today. */
export const ApproveMinutesInput = z.strictObject({});
export const CorrectMinutesInput = events.MinutesCorrected.schema;

/** Fact: which of the people a command names are registered (and not erased). */
interface RegisteredPeople {
  readonly registeredPeople: ReadonlySet<PersonId>;
}

export type MeetingCommand =
  | CommandRecording<"HoldMeeting", MeetingEventOf<"MeetingHeld">, RegisteredPeople>
  | CommandRecording<"RecordDecision", MeetingEventOf<"DecisionRecorded">>
  | CommandRecording<"RecordComment", MeetingEventOf<"CommentRecorded">>
  | CommandRecording<"AgreeNextStep", MeetingEventOf<"NextStepAgreed">, RegisteredPeople>
  | CommandRecording<"ApproveMinutes", MeetingEventOf<"MinutesApproved">>
  | CommandRecording<"CorrectMinutes", MeetingEventOf<"MinutesCorrected">>;

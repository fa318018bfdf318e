import type { CommandRecording } from "../shared/decider.js";
import type { PersonId } from "../shared/schema-primitives.js";
import type { MeetingEventOf } from "./events.js";

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

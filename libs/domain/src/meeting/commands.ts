import type { CommandRecording } from "../shared/decider.js";
import type { Today } from "../shared/dated-by-today.js";
import type { PersonId } from "../shared/schema-primitives.js";
import type { MeetingEventOf } from "./events.js";

/** Fact: which of the people a command names are registered (and not erased). */
interface RegisteredPeople {
  readonly registeredPeople: ReadonlySet<PersonId>;
}

/** Fact: which of the named delegation decisions are mandate events recorded without a meeting decision (`initiativeId/revision`). */
interface DelegationDecisions {
  readonly delegationDecisions: ReadonlySet<string>;
}

export type MeetingCommand =
  | CommandRecording<"HoldMeeting", MeetingEventOf<"MeetingHeld">, RegisteredPeople & Today>
  | CommandRecording<"RecordDecision", MeetingEventOf<"DecisionRecorded">>
  | CommandRecording<"RecordComment", MeetingEventOf<"CommentRecorded">>
  | CommandRecording<"AgreeNextStep", MeetingEventOf<"NextStepAgreed">, RegisteredPeople>
  | CommandRecording<"ApproveMinutes", MeetingEventOf<"MinutesApproved">>
  | CommandRecording<"CorrectMinutes", MeetingEventOf<"MinutesCorrected">>
  | CommandRecording<"PlanMeeting", MeetingEventOf<"MeetingPlanned">>
  | {
      /** Records a planned meeting as held: body, focus area and agenda come from the plan. */
      readonly type: "HoldPlannedMeeting";
      readonly data: Pick<MeetingEventOf<"MeetingHeld">["data"], "heldOn" | "attendees" | "absentees"> & RegisteredPeople & Today;
    }
  | CommandRecording<"AppointMeetingOfficers", MeetingEventOf<"MeetingOfficersAppointed">, RegisteredPeople>
  /** `adjusterId` is the acting principal's person id: an adjuster adjusts for themselves. */
  | CommandRecording<"AdjustMinutes", MeetingEventOf<"MinutesAdjusted">>
  | CommandRecording<"CompleteNextStep", MeetingEventOf<"NextStepCompleted">, Today>
  | CommandRecording<"DropNextStep", MeetingEventOf<"NextStepDropped">, Today>
  | CommandRecording<"ReportDelegationDecisions", MeetingEventOf<"DelegationDecisionsReported">, DelegationDecisions>;

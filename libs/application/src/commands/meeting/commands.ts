import {
  AdjustersNotDistinct,
  AgendaItemsAlike,
  AttendeeAlsoAbsent,
  MeetingWithoutAttendees,
  type DecisionId,
  DelegationDecisionNotFound,
  MeetingAlreadyHeld,
  MeetingHeldInFuture,
  MeetingNotYetHeld,
  MinutesApprovedByAdjusters,
  MinutesUnderAdjustment,
  NextStepClosed,
  NextStepClosedInFuture,
  NextStepDatedBeforeMeeting,
  NextStepNotFound,
  NoAdjustersAppointed,
  NotAnAdjuster,
  ParagraphNotOnAgenda,
  type PersonId,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
  MinutesAlreadyApproved,
  MinutesFrozen,
  MinutesNotApproved,
  type NextStepId,
  PersonNotRegistered,
  meetingDecider,
  meetingEvents,
  meetingStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import { type CommandSpec, type CommandTarget, inNewStream } from "../../command-spec.js";
import { delegationDecisionsAmong } from "../../facts/delegation-decisions.js";
import { sealForMinutes } from "../../facts/log-seal.js";
import { registeredPeople } from "../../facts/registrations.js";
import {
  AdjustMinutesInput,
  AgreeNextStepInput,
  AppointMeetingOfficersInput,
  ApproveMinutesInput,
  CompleteNextStepInput,
  CorrectMinutesInput,
  DropNextStepInput,
  HoldMeetingInput,
  HoldPlannedMeetingInput,
  PlanMeetingInput,
  RecordCommentInput,
  RecordDecisionInput,
  ReportDelegationDecisionsInput,
} from "./inputs.js";

type MeetingSpec<Input extends z.ZodObject> = CommandSpec<Input, MeetingCommand, MeetingEvent, MeetingState>;

const meetingStreamOf = {
  decider: meetingDecider,
  events: meetingEvents,
  roles: ["core-team"],
} as const;

type OnMeeting = { readonly meetingId: string };

const theMeeting = ({ meetingId }: OnMeeting): CommandTarget => ({ streamId: meetingStream(meetingId), resourceId: meetingId });

/** A decision or next step: answered with its own new id. */
const newResourceInMeeting = ({ meetingId }: OnMeeting, newId: string): CommandTarget => ({
  streamId: meetingStream(meetingId),
  resourceId: newId,
});

export const holdMeeting: MeetingSpec<typeof HoldMeetingInput> = {
  ...meetingStreamOf,
  name: "HoldMeeting",
  input: HoldMeetingInput,
  creates: "stream",
  rules: [AgendaItemsAlike, MeetingHeldInFuture, MeetingWithoutAttendees, AttendeeAlsoAbsent, PersonNotRegistered],
  target: inNewStream(meetingStream),
  toCommand: (input, { today }) =>
    Effect.gen(function* () {
      const registered = yield* registeredPeople(yield* EventStore, [...input.attendees, ...input.absentees]);
      return { type: "HoldMeeting", data: { ...input, registeredPeople: registered, today } };
    }),
};

export const recordDecision: MeetingSpec<typeof RecordDecisionInput> = {
  ...meetingStreamOf,
  name: "RecordDecision",
  input: RecordDecisionInput,
  creates: "resource",
  rules: [MeetingNotYetHeld, MinutesFrozen, MinutesUnderAdjustment, ParagraphNotOnAgenda],
  target: newResourceInMeeting,
  toCommand: ({ meetingId: _, ...body }, { newId }) =>
    Effect.succeed({ type: "RecordDecision", data: { ...body, decisionId: newId as DecisionId } }),
};

export const recordComment: MeetingSpec<typeof RecordCommentInput> = {
  ...meetingStreamOf,
  name: "RecordComment",
  input: RecordCommentInput,
  creates: "nothing",
  rules: [MeetingNotYetHeld, MinutesFrozen, MinutesUnderAdjustment],
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }) => Effect.succeed({ type: "RecordComment", data: body }),
};

export const agreeNextStep: MeetingSpec<typeof AgreeNextStepInput> = {
  ...meetingStreamOf,
  name: "AgreeNextStep",
  input: AgreeNextStepInput,
  creates: "resource",
  rules: [MeetingNotYetHeld, MinutesFrozen, MinutesUnderAdjustment, PersonNotRegistered],
  target: newResourceInMeeting,
  toCommand: ({ meetingId: _, ...body }, { newId }) =>
    Effect.gen(function* () {
      const registered = yield* registeredPeople(yield* EventStore, body.ownerId === undefined ? [] : [body.ownerId]);
      return { type: "AgreeNextStep", data: { ...body, nextStepId: newId as NextStepId, registeredPeople: registered } };
    }),
};

export const approveMinutes: MeetingSpec<typeof ApproveMinutesInput> = {
  ...meetingStreamOf,
  name: "ApproveMinutes",
  input: ApproveMinutesInput,
  creates: "nothing",
  rules: [MeetingNotYetHeld, MinutesAlreadyApproved, MinutesApprovedByAdjusters],
  target: theMeeting,
  toCommand: (_input, { today }) =>
    Effect.map(sealForMinutes, (sealed) => ({ type: "ApproveMinutes", data: { on: today, ...sealed } })),
};

export const correctMinutes: MeetingSpec<typeof CorrectMinutesInput> = {
  ...meetingStreamOf,
  name: "CorrectMinutes",
  input: CorrectMinutesInput,
  creates: "nothing",
  rules: [MeetingNotYetHeld, MinutesNotApproved],
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }) => Effect.succeed({ type: "CorrectMinutes", data: body }),
};

export const planMeeting: MeetingSpec<typeof PlanMeetingInput> = {
  ...meetingStreamOf,
  name: "PlanMeeting",
  input: PlanMeetingInput,
  creates: "stream",
  rules: [AgendaItemsAlike],
  target: inNewStream(meetingStream),
  toCommand: (input) => Effect.succeed({ type: "PlanMeeting", data: input }),
};

export const holdPlannedMeeting: MeetingSpec<typeof HoldPlannedMeetingInput> = {
  ...meetingStreamOf,
  name: "HoldPlannedMeeting",
  input: HoldPlannedMeetingInput,
  creates: "nothing",
  rules: [MeetingAlreadyHeld, MeetingHeldInFuture, MeetingWithoutAttendees, AttendeeAlsoAbsent, PersonNotRegistered],
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }, { today }) =>
    Effect.gen(function* () {
      const registered = yield* registeredPeople(yield* EventStore, [...body.attendees, ...body.absentees]);
      return { type: "HoldPlannedMeeting", data: { ...body, registeredPeople: registered, today } };
    }),
};

export const appointMeetingOfficers: MeetingSpec<typeof AppointMeetingOfficersInput> = {
  ...meetingStreamOf,
  name: "AppointMeetingOfficers",
  input: AppointMeetingOfficersInput,
  creates: "nothing",
  rules: [MinutesFrozen, MinutesUnderAdjustment, AdjustersNotDistinct, PersonNotRegistered],
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }) =>
    Effect.gen(function* () {
      const named = [body.chairId, body.secretaryId, ...body.adjusterIds];
      const registered = yield* registeredPeople(yield* EventStore, named);
      return { type: "AppointMeetingOfficers", data: { ...body, registeredPeople: registered } };
    }),
};

export const adjustMinutes: MeetingSpec<typeof AdjustMinutesInput> = {
  ...meetingStreamOf,
  name: "AdjustMinutes",
  input: AdjustMinutesInput,
  creates: "nothing",
  rules: [MeetingNotYetHeld, MinutesAlreadyApproved, NoAdjustersAppointed, NotAnAdjuster],
  target: theMeeting,
  // The adjuster is whoever acts: the token's subject is their person id. Each adjustment
  // carries a seal: the later of the two approves the minutes, and its seal is theirs.
  toCommand: (_input, { today, principal }) =>
    Effect.map(sealForMinutes, (sealed) => ({
      type: "AdjustMinutes",
      // The signed-in person; a login linked to no one is no adjuster.
      data: { adjusterId: (principal.personId ?? principal.id) as PersonId, on: today, ...sealed },
    })),
};

/** Marking a next step done or dropped: the same rules, and a next step the meeting did not agree is a missing resource. */
const followingUpANextStep = {
  ...meetingStreamOf,
  creates: "nothing",
  rules: [MeetingNotYetHeld, NextStepClosed, NextStepDatedBeforeMeeting, NextStepClosedInFuture],
  missing: [NextStepNotFound],
  target: theMeeting,
} as const;

export const completeNextStep: MeetingSpec<typeof CompleteNextStepInput> = {
  ...followingUpANextStep,
  name: "CompleteNextStep",
  input: CompleteNextStepInput,
  toCommand: ({ meetingId: _, ...body }, { today }) => Effect.succeed({ type: "CompleteNextStep", data: { ...body, today } }),
};

export const dropNextStep: MeetingSpec<typeof DropNextStepInput> = {
  ...followingUpANextStep,
  name: "DropNextStep",
  input: DropNextStepInput,
  toCommand: ({ meetingId: _, ...body }, { today }) => Effect.succeed({ type: "DropNextStep", data: { ...body, today } }),
};

export const reportDelegationDecisions: MeetingSpec<typeof ReportDelegationDecisionsInput> = {
  ...meetingStreamOf,
  name: "ReportDelegationDecisions",
  input: ReportDelegationDecisionsInput,
  creates: "nothing",
  rules: [MeetingNotYetHeld, MinutesFrozen, MinutesUnderAdjustment, DelegationDecisionNotFound],
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }) =>
    Effect.gen(function* () {
      const delegationDecisions = yield* delegationDecisionsAmong(yield* EventStore, body.decisions);
      return { type: "ReportDelegationDecisions", data: { ...body, delegationDecisions } };
    }),
};

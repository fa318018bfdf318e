import {
  AttendeeAlsoAbsent,
  type DecisionId,
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
import type { CommandSpec, CommandTarget } from "../../command-spec.js";
import { registeredPeople } from "../../facts/registrations.js";
import {
  AgreeNextStepInput,
  ApproveMinutesInput,
  CorrectMinutesInput,
  HoldMeetingInput,
  RecordCommentInput,
  RecordDecisionInput,
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
  rules: [AttendeeAlsoAbsent, PersonNotRegistered],
  target: (_input, newId) => ({ streamId: meetingStream(newId), resourceId: newId }),
  toCommand: (input) =>
    Effect.gen(function* () {
      const registered = yield* registeredPeople(yield* EventStore, [...input.attendees, ...input.absentees]);
      return { type: "HoldMeeting", data: { ...input, registeredPeople: registered } };
    }),
};

export const recordDecision: MeetingSpec<typeof RecordDecisionInput> = {
  ...meetingStreamOf,
  name: "RecordDecision",
  input: RecordDecisionInput,
  creates: "resource",
  rules: [MinutesFrozen],
  target: newResourceInMeeting,
  toCommand: ({ meetingId: _, ...body }, { newId }) =>
    Effect.succeed({ type: "RecordDecision", data: { ...body, decisionId: newId as DecisionId } }),
};

export const recordComment: MeetingSpec<typeof RecordCommentInput> = {
  ...meetingStreamOf,
  name: "RecordComment",
  input: RecordCommentInput,
  creates: "nothing",
  rules: [MinutesFrozen],
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }) => Effect.succeed({ type: "RecordComment", data: body }),
};

export const agreeNextStep: MeetingSpec<typeof AgreeNextStepInput> = {
  ...meetingStreamOf,
  name: "AgreeNextStep",
  input: AgreeNextStepInput,
  creates: "resource",
  rules: [MinutesFrozen, PersonNotRegistered],
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
  rules: [MinutesAlreadyApproved],
  target: theMeeting,
  toCommand: (_input, { today }) => Effect.succeed({ type: "ApproveMinutes", data: { on: today } }),
};

export const correctMinutes: MeetingSpec<typeof CorrectMinutesInput> = {
  ...meetingStreamOf,
  name: "CorrectMinutes",
  input: CorrectMinutesInput,
  creates: "nothing",
  rules: [MinutesNotApproved],
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }) => Effect.succeed({ type: "CorrectMinutes", data: body }),
};

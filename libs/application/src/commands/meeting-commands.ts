import {
  type AgreeNextStepInput,
  type ApproveMinutesInput,
  type CorrectMinutesInput,
  type DecisionId,
  type HoldMeetingInput,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
  type NextStepId,
  type RecordCommentInput,
  type RecordDecisionInput,
  meetingDecider,
  meetingEvents,
  meetingStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec, CommandTarget } from "../command-spec.js";
import { registeredPeople } from "../facts/registrations.js";

type MeetingSpec<Input> = CommandSpec<Input, MeetingCommand, MeetingEvent, MeetingState>;

const meetingStreamOf = {
  decider: meetingDecider,
  events: meetingEvents,
} as const;

export const holdMeeting: MeetingSpec<z.infer<typeof HoldMeetingInput>> = {
  ...meetingStreamOf,
  name: "HoldMeeting",
  roles: ["core-team"],
  creates: "stream",
  target: (_input, newId) => ({ streamId: meetingStream(newId), resourceId: newId }),
  toCommand: (input) =>
    Effect.gen(function* () {
      const registered = yield* registeredPeople(yield* EventStore, [...input.attendees, ...input.absentees]);
      return { type: "HoldMeeting", data: { ...input, registeredPeople: registered } };
    }),
};

type OnMeeting<Body> = Body & { readonly meetingId: string };

const theMeeting = ({ meetingId }: OnMeeting<unknown>): CommandTarget => ({
  streamId: meetingStream(meetingId),
  resourceId: meetingId,
});

/** A decision or next step: answered with its own new id. */
const newResourceInMeeting = ({ meetingId }: OnMeeting<unknown>, newId: string): CommandTarget => ({
  streamId: meetingStream(meetingId),
  resourceId: newId,
});

export const recordDecision: MeetingSpec<OnMeeting<z.infer<typeof RecordDecisionInput>>> = {
  ...meetingStreamOf,
  name: "RecordDecision",
  roles: ["core-team"],
  creates: "resource",
  target: newResourceInMeeting,
  toCommand: ({ meetingId: _, ...body }, { newId }) =>
    Effect.succeed({ type: "RecordDecision", data: { ...body, decisionId: newId as DecisionId } }),
};

export const recordComment: MeetingSpec<OnMeeting<z.infer<typeof RecordCommentInput>>> = {
  ...meetingStreamOf,
  name: "RecordComment",
  roles: ["core-team"],
  creates: "nothing",
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }) => Effect.succeed({ type: "RecordComment", data: body }),
};

export const agreeNextStep: MeetingSpec<OnMeeting<z.infer<typeof AgreeNextStepInput>>> = {
  ...meetingStreamOf,
  name: "AgreeNextStep",
  roles: ["core-team"],
  creates: "resource",
  target: newResourceInMeeting,
  toCommand: ({ meetingId: _, ...body }, { newId }) =>
    Effect.gen(function* () {
      const registered = yield* registeredPeople(yield* EventStore, body.ownerId === undefined ? [] : [body.ownerId]);
      return {
        type: "AgreeNextStep",
        data: { ...body, nextStepId: newId as NextStepId, registeredPeople: registered },
      };
    }),
};

export const approveMinutes: MeetingSpec<OnMeeting<z.infer<typeof ApproveMinutesInput>>> = {
  ...meetingStreamOf,
  name: "ApproveMinutes",
  roles: ["core-team"],
  creates: "nothing",
  target: theMeeting,
  toCommand: (_input, { today }) => Effect.succeed({ type: "ApproveMinutes", data: { on: today } }),
};

export const correctMinutes: MeetingSpec<OnMeeting<z.infer<typeof CorrectMinutesInput>>> = {
  ...meetingStreamOf,
  name: "CorrectMinutes",
  roles: ["core-team"],
  creates: "nothing",
  target: theMeeting,
  toCommand: ({ meetingId: _, ...body }) => Effect.succeed({ type: "CorrectMinutes", data: body }),
};

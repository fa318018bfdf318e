import {
  DecisionNotFound,
  MeetingNotHeld,
  MeetingNotYetHeld,
  type MeetingFact,
  REGISTRATION_STREAM,
  type RegisteredSubject,
  type RegistrationCommand,
  type RegistrationEvent,
  RegistrationNumberAlreadyAssigned,
  type RegistrationState,
  meetingDecider,
  meetingStream,
  registrationDecider,
  registrationEvents,
} from "#domain";
import { EventStore, type EventStoreService, type StoreUnavailable } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec } from "../../command-spec.js";
import { loadState } from "../../read-state.js";
import { RegistrationSeries } from "../../registration-series.js";
import { RegisterDecisionInput, RegisterMinutesInput } from "./inputs.js";

type RegistrationSpec<Input extends z.ZodObject> = CommandSpec<Input, RegistrationCommand, RegistrationEvent, RegistrationState>;

/** Fact: the meeting as its stream tells, for the year and for the decision named. */
const meetingFact = (store: EventStoreService, meetingId: string): Effect.Effect<MeetingFact, StoreUnavailable> =>
  Effect.map(loadState(store, meetingStream(meetingId), meetingDecider), ({ state }): MeetingFact => {
    if (state.status === "not-held" || state.status === "planned") return { status: state.status };
    return { status: "held", heldOn: state.heldOn, decisionIds: new Set(state.decisions.keys()) };
  });

const assign = (subject: RegisteredSubject) =>
  Effect.gen(function* () {
    const meeting = yield* meetingFact(yield* EventStore, subject.meetingId);
    const { pattern } = yield* RegistrationSeries;
    return { type: "AssignRegistrationNumber", data: { subject, series: pattern, meeting } } as const;
  });

const registrationStreamOf = {
  decider: registrationDecider,
  events: registrationEvents,
  roles: ["core-team"],
  // Nothing new to answer 201 for: a number is given to minutes or a decision that exist.
  creates: "nothing",
  sharedStream: true,
  rules: [MeetingNotYetHeld, RegistrationNumberAlreadyAssigned],
  missing: [MeetingNotHeld, DecisionNotFound],
} as const;

export const registerMinutes: RegistrationSpec<typeof RegisterMinutesInput> = {
  ...registrationStreamOf,
  name: "RegisterMinutes",
  input: RegisterMinutesInput,
  target: ({ meetingId }) => ({ streamId: REGISTRATION_STREAM, resourceId: meetingId }),
  toCommand: ({ meetingId }) => assign({ meetingId }),
};

export const registerDecision: RegistrationSpec<typeof RegisterDecisionInput> = {
  ...registrationStreamOf,
  name: "RegisterDecision",
  input: RegisterDecisionInput,
  target: ({ decisionId }) => ({ streamId: REGISTRATION_STREAM, resourceId: decisionId }),
  toCommand: ({ meetingId, decisionId }) => assign({ meetingId, decisionId }),
};

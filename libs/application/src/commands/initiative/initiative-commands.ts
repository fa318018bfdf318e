import {
  type CheckInId,
  ClosureInFuture,
  CheckInInFuture,
  type GoalId,
  GoalNotActive,
  GoalNotFound,
  GoverningContextNotLinked,
  GoverningContextNotMapped,
  GoverningContextRetiredError,
  NextCheckInNotAfter,
  NotALead,
  OrganisationNotRegistered,
  PersonNotRegistered,
  governingContextFacts,
  initiativeStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import { inNewStream } from "../../command-spec.js";
import { organisationState } from "../../facts/organisations.js";
import { organisationRegistry, registeredPeople, unregistered } from "../../facts/registrations.js";
import {
  type InitiativeSpec,
  coreTeamOrItsLeads,
  initiativeRules,
  newInInitiative,
  onInitiative,
  theInitiative,
} from "./initiative-spec.js";
import {
  AchieveGoalInput,
  AgreeCheckInCadenceInput,
  AssignLeadInput,
  CloseInitiativeInput,
  DropGoalInput,
  HoldCheckInInput,
  LinkGoverningContextInput,
  RegisterInitiativeInput,
  ReviseGoalInput,
  SetGoalInput,
  UnassignLeadInput,
  UnlinkGoverningContextInput,
} from "./inputs.js";

export const registerInitiative: InitiativeSpec<typeof RegisterInitiativeInput> = {
  ...onInitiative,
  name: "RegisterInitiative",
  input: RegisterInitiativeInput,
  roles: ["admin", "core-team"],
  creates: "stream",
  rules: [OrganisationNotRegistered],
  target: inNewStream(initiativeStream),
  toCommand: (input) =>
    Effect.gen(function* () {
      const unregisteredOrganisations = yield* unregistered(yield* EventStore, organisationRegistry, input.organisationIds);
      return { type: "RegisterInitiative", data: { ...input, unregisteredOrganisations } };
    }),
};

export const assignLead: InitiativeSpec<typeof AssignLeadInput> = {
  ...onInitiative,
  name: "AssignLead",
  input: AssignLeadInput,
  roles: ["admin", "core-team"],
  rules: initiativeRules(PersonNotRegistered),
  target: ({ initiativeId, personId }) => ({ streamId: initiativeStream(initiativeId), resourceId: personId }),
  toCommand: ({ initiativeId: _, ...data }) =>
    Effect.gen(function* () {
      const registered = yield* registeredPeople(yield* EventStore, [data.personId]);
      return { type: "AssignLead", data: { ...data, personRegistered: registered.has(data.personId) } };
    }),
};

export const unassignLead: InitiativeSpec<typeof UnassignLeadInput> = {
  ...onInitiative,
  name: "UnassignLead",
  input: UnassignLeadInput,
  roles: ["admin", "core-team"],
  rules: initiativeRules(NotALead),
  target: ({ initiativeId, personId }) => ({ streamId: initiativeStream(initiativeId), resourceId: personId }),
  toCommand: ({ initiativeId: _, ...data }) => Effect.succeed({ type: "UnassignLead", data }),
};

export const setGoal: InitiativeSpec<typeof SetGoalInput> = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  name: "SetGoal",
  input: SetGoalInput,
  creates: "resource",
  rules: initiativeRules(),
  target: newInInitiative,
  toCommand: ({ initiativeId: _, ...data }, { newId }) =>
    Effect.succeed({ type: "SetGoal", data: { ...data, goalId: newId as GoalId } }),
};

/** What every change to an existing goal shares: it names the goal, which must be the initiative's and active. */
const onGoal = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  rules: initiativeRules(GoalNotActive),
  missing: [GoalNotFound],
  target: ({ initiativeId, goalId }: { readonly initiativeId: string; readonly goalId: string }) => ({
    streamId: initiativeStream(initiativeId),
    resourceId: goalId,
  }),
} as const;

export const reviseGoal: InitiativeSpec<typeof ReviseGoalInput> = {
  ...onGoal,
  name: "ReviseGoal",
  input: ReviseGoalInput,
  toCommand: ({ initiativeId: _, ...data }) => Effect.succeed({ type: "ReviseGoal", data }),
};

export const achieveGoal: InitiativeSpec<typeof AchieveGoalInput> = {
  ...onGoal,
  name: "AchieveGoal",
  input: AchieveGoalInput,
  toCommand: ({ initiativeId: _, ...data }) => Effect.succeed({ type: "AchieveGoal", data }),
};

export const dropGoal: InitiativeSpec<typeof DropGoalInput> = {
  ...onGoal,
  name: "DropGoal",
  input: DropGoalInput,
  toCommand: ({ initiativeId: _, ...data }) => Effect.succeed({ type: "DropGoal", data }),
};

export const agreeCheckInCadence: InitiativeSpec<typeof AgreeCheckInCadenceInput> = {
  ...onInitiative,
  name: "AgreeCheckInCadence",
  input: AgreeCheckInCadenceInput,
  roles: ["core-team"],
  rules: initiativeRules(),
  target: theInitiative,
  toCommand: ({ initiativeId: _, ...data }) => Effect.succeed({ type: "AgreeCheckInCadence", data }),
};

export const holdCheckIn: InitiativeSpec<typeof HoldCheckInInput> = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  name: "HoldCheckIn",
  input: HoldCheckInInput,
  creates: "resource",
  rules: initiativeRules(CheckInInFuture, PersonNotRegistered, NextCheckInNotAfter),
  target: newInInitiative,
  toCommand: ({ initiativeId: _, ...data }, { newId, today }) =>
    Effect.gen(function* () {
      const registeredParticipants = yield* registeredPeople(yield* EventStore, data.participants);
      return { type: "HoldCheckIn", data: { ...data, checkInId: newId as CheckInId, registeredParticipants, today } };
    }),
};

export const linkGoverningContext: InitiativeSpec<typeof LinkGoverningContextInput> = {
  ...onInitiative,
  name: "LinkGoverningContext",
  input: LinkGoverningContextInput,
  roles: ["admin", "core-team"],
  rules: initiativeRules(OrganisationNotRegistered, GoverningContextNotMapped, GoverningContextRetiredError),
  target: ({ initiativeId, contextId }) => ({ streamId: initiativeStream(initiativeId), resourceId: contextId }),
  toCommand: ({ initiativeId: _, ...data }) =>
    Effect.gen(function* () {
      const organisation = yield* organisationState(yield* EventStore, data.organisationId);
      return {
        type: "LinkGoverningContext",
        data: { ...data, organisation: governingContextFacts(organisation, data.contextId) },
      };
    }),
};

export const unlinkGoverningContext: InitiativeSpec<typeof UnlinkGoverningContextInput> = {
  ...onInitiative,
  name: "UnlinkGoverningContext",
  input: UnlinkGoverningContextInput,
  roles: ["admin", "core-team"],
  rules: initiativeRules(GoverningContextNotLinked),
  target: ({ initiativeId, contextId }) => ({ streamId: initiativeStream(initiativeId), resourceId: contextId }),
  toCommand: ({ initiativeId: _, ...data }) => Effect.succeed({ type: "UnlinkGoverningContext", data }),
};

export const closeInitiative: InitiativeSpec<typeof CloseInitiativeInput> = {
  ...onInitiative,
  name: "CloseInitiative",
  input: CloseInitiativeInput,
  roles: ["core-team"],
  rules: initiativeRules(ClosureInFuture),
  target: theInitiative,
  toCommand: ({ initiativeId: _, ...data }, { today }) => Effect.succeed({ type: "CloseInitiative", data: { ...data, today } }),
};

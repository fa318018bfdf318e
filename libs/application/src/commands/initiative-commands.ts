import {
  type AchieveGoalInput,
  type AgreeCheckInCadenceInput,
  type AssignLeadInput,
  type CheckInId,
  type CloseInitiativeInput,
  type DropGoalInput,
  type GoalId,
  type HoldCheckInInput,
  type LinkGoverningContextInput,
  type Principal,
  type RegisterInitiativeInput,
  type ReviseGoalInput,
  type Role,
  type SetGoalInput,
  type UnassignLeadInput,
  type UnlinkGoverningContextInput,
  actsFor,
  initiativeStream,
} from "#domain";
import { EventStore } from "#event-store";
import { Effect } from "effect";
import type { z } from "zod";
import { organisationState } from "../facts/organisations.js";
import { organisationRegistry, registeredPeople, unregistered } from "../facts/registrations.js";
import { type InitiativeSpec, type OnInitiative, onInitiative } from "./initiative-spec.js";

type OnGoal<Body> = OnInitiative<Body> & { readonly goalId: string };

/** Core Team for every initiative; a lead only for the initiatives in their token. */
const coreTeamOrItsLeads: { readonly roles: ReadonlyArray<Role>; readonly scope: (p: Principal, i: { initiativeId: string }) => boolean } = {
  roles: ["core-team", "initiative-lead"],
  scope: (principal, { initiativeId }) => actsFor(principal, [initiativeId]),
};

const byPath = ({ initiativeId }: { initiativeId: string }) => ({
  streamId: initiativeStream(initiativeId),
  resourceId: initiativeId,
});

const withoutPath = <Input extends { initiativeId: string }>({ initiativeId: _, ...body }: Input) => body;

export const registerInitiative: InitiativeSpec<z.infer<typeof RegisterInitiativeInput>> = {
  ...onInitiative,
  name: "RegisterInitiative",
  roles: ["admin", "core-team"],
  creates: "stream",
  target: (_input, newId) => ({ streamId: initiativeStream(newId), resourceId: newId }),
  toCommand: (input) =>
    Effect.gen(function* () {
      const unregisteredOrganisations = yield* unregistered(yield* EventStore, organisationRegistry, input.organisationIds);
      return { type: "RegisterInitiative", data: { ...input, unregisteredOrganisations } };
    }),
};

export const assignLead: InitiativeSpec<OnInitiative<z.infer<typeof AssignLeadInput>>> = {
  ...onInitiative,
  name: "AssignLead",
  roles: ["admin", "core-team"],
  target: (input) => ({ streamId: initiativeStream(input.initiativeId), resourceId: input.personId }),
  toCommand: (input) =>
    Effect.gen(function* () {
      const registered = yield* registeredPeople(yield* EventStore, [input.personId]);
      return { type: "AssignLead", data: { ...withoutPath(input), personRegistered: registered.has(input.personId) } };
    }),
};

export const unassignLead: InitiativeSpec<OnInitiative<z.infer<typeof UnassignLeadInput>>> = {
  ...onInitiative,
  name: "UnassignLead",
  roles: ["admin", "core-team"],
  target: (input) => ({ streamId: initiativeStream(input.initiativeId), resourceId: input.personId }),
  toCommand: (input) => Effect.succeed({ type: "UnassignLead", data: withoutPath(input) }),
};

export const setGoal: InitiativeSpec<OnInitiative<z.infer<typeof SetGoalInput>>> = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  creates: "resource",
  name: "SetGoal",
  target: (input, newId) => ({ streamId: initiativeStream(input.initiativeId), resourceId: newId }),
  toCommand: (input, { newId }) =>
    Effect.succeed({ type: "SetGoal", data: { ...withoutPath(input), goalId: newId as GoalId } }),
};

const goalTarget = (input: OnGoal<unknown>) => ({ streamId: initiativeStream(input.initiativeId), resourceId: input.goalId });
const goalData = <Body>({ initiativeId: _, goalId, ...body }: OnGoal<Body>) => ({ ...body, goalId: goalId as GoalId });

export const reviseGoal: InitiativeSpec<OnGoal<z.infer<typeof ReviseGoalInput>>> = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  name: "ReviseGoal",
  target: goalTarget,
  toCommand: (input) => Effect.succeed({ type: "ReviseGoal", data: goalData(input) }),
};

export const achieveGoal: InitiativeSpec<OnGoal<z.infer<typeof AchieveGoalInput>>> = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  name: "AchieveGoal",
  target: goalTarget,
  toCommand: (input) => Effect.succeed({ type: "AchieveGoal", data: goalData(input) }),
};

export const dropGoal: InitiativeSpec<OnGoal<z.infer<typeof DropGoalInput>>> = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  name: "DropGoal",
  target: goalTarget,
  toCommand: (input) => Effect.succeed({ type: "DropGoal", data: goalData(input) }),
};

export const agreeCheckInCadence: InitiativeSpec<OnInitiative<z.infer<typeof AgreeCheckInCadenceInput>>> = {
  ...onInitiative,
  name: "AgreeCheckInCadence",
  roles: ["core-team"],
  target: byPath,
  toCommand: (input) => Effect.succeed({ type: "AgreeCheckInCadence", data: withoutPath(input) }),
};

export const holdCheckIn: InitiativeSpec<OnInitiative<z.infer<typeof HoldCheckInInput>>> = {
  ...onInitiative,
  ...coreTeamOrItsLeads,
  creates: "resource",
  name: "HoldCheckIn",
  target: (input, newId) => ({ streamId: initiativeStream(input.initiativeId), resourceId: newId }),
  toCommand: (input, { newId, today }) =>
    Effect.gen(function* () {
      const registeredParticipants = yield* registeredPeople(yield* EventStore, input.participants);
      return {
        type: "HoldCheckIn",
        data: { ...withoutPath(input), checkInId: newId as CheckInId, registeredParticipants, today },
      };
    }),
};

export const linkGoverningContext: InitiativeSpec<OnInitiative<z.infer<typeof LinkGoverningContextInput>>> = {
  ...onInitiative,
  name: "LinkGoverningContext",
  roles: ["admin", "core-team"],
  target: (input) => ({ streamId: initiativeStream(input.initiativeId), resourceId: input.contextId }),
  toCommand: (input) =>
    Effect.gen(function* () {
      const organisation = yield* organisationState(yield* EventStore, input.organisationId);
      return { type: "LinkGoverningContext", data: { ...withoutPath(input), organisation } };
    }),
};

export const unlinkGoverningContext: InitiativeSpec<OnInitiative<z.infer<typeof UnlinkGoverningContextInput>>> = {
  ...onInitiative,
  name: "UnlinkGoverningContext",
  roles: ["admin", "core-team"],
  target: (input) => ({ streamId: initiativeStream(input.initiativeId), resourceId: input.contextId }),
  toCommand: (input) => Effect.succeed({ type: "UnlinkGoverningContext", data: withoutPath(input) }),
};

export const closeInitiative: InitiativeSpec<OnInitiative<z.infer<typeof CloseInitiativeInput>>> = {
  ...onInitiative,
  name: "CloseInitiative",
  roles: ["core-team"],
  target: byPath,
  toCommand: (input, { today }) => Effect.succeed({ type: "CloseInitiative", data: { ...withoutPath(input), today } }),
};

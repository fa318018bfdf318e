import {
  type InitiativeCommand,
  type InitiativeEvent,
  type InitiativeState,
  type Principal,
  type Role,
  type InitiativeLeads,
  InitiativeClosed,
  actsFor,
  initiativeDecider,
  initiativeEvents,
  initiativeStream,
} from "#domain";
import { Effect } from "effect";
import type { z } from "zod";
import type { CommandSpec, RuleClass } from "../../command-spec.js";

/** What the initiative's commands and the mandate commands (in the same stream) share. */
export type InitiativeSpec<Input extends z.ZodObject> = CommandSpec<Input, InitiativeCommand, InitiativeEvent, InitiativeState>;

/** Commands addressed to an existing initiative by its id. */
export const onInitiative = {
  decider: initiativeDecider,
  events: initiativeEvents,
  creates: "nothing",
} as const;

/** Every command on an existing initiative can meet a closed one, besides its own rules. */
export const initiativeRules = (...classes: ReadonlyArray<RuleClass>): ReadonlyArray<RuleClass> => [InitiativeClosed, ...classes];

/** The initiative itself is the resource the write answers with. */
export const theInitiative = ({ initiativeId }: { readonly initiativeId: string }) => ({
  streamId: initiativeStream(initiativeId),
  resourceId: initiativeId,
});

/** Something the command creates in the initiative's stream (a goal, a mandate, a check-in). */
export const newInInitiative = ({ initiativeId }: { readonly initiativeId: string }, newId: string) => ({
  streamId: initiativeStream(initiativeId),
  resourceId: newId,
});

const NO_LEADS: InitiativeLeads = new Set<string>();

/** Core Team for every initiative; a lead only while the initiative's stream, as loaded, holds them and it is open. */
export const coreTeamOrItsLeads: {
  readonly roles: ReadonlyArray<Role>;
  readonly scope: (principal: Principal, input: unknown, state: InitiativeState) => Effect.Effect<boolean>;
} = {
  roles: ["core-team", "initiative-lead"],
  scope: (principal, _input, state) => Effect.succeed(actsFor(principal, [state.status === "open" ? state.leads : NO_LEADS])),
};

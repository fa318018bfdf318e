import { type InitiativeCommand, type InitiativeEvent, type InitiativeState, initiativeDecider, initiativeEvents } from "#domain";
import type { CommandSpec } from "../command-spec.js";

/** What the initiative's commands and the mandate commands (in the same stream) share. */
export type InitiativeSpec<Input> = CommandSpec<Input, InitiativeCommand, InitiativeEvent, InitiativeState>;
export type OnInitiative<Body> = Body & { readonly initiativeId: string };

/** Commands addressed to an existing initiative through its path. */
export const onInitiative = {
  decider: initiativeDecider,
  events: initiativeEvents,
  creates: "nothing",
} as const;

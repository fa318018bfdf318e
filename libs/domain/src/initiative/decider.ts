import type { Decider } from "../shared/decider.js";
import type { InitiativeCommand } from "./commands.js";
import { decideInitiative } from "./decide.js";
import type { InitiativeEvent } from "./events.js";
import { evolveInitiative } from "./evolve.js";
import { type InitiativeState, initialInitiativeState } from "./state.js";

export const initiativeDecider: Decider<InitiativeCommand, InitiativeEvent, InitiativeState> = {
  initialState: initialInitiativeState,
  evolve: evolveInitiative,
  decide: decideInitiative,
};

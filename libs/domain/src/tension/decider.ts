import type { Decider } from "../shared/decider.js";
import type { TensionCommand } from "./commands.js";
import { decideTension } from "./decide.js";
import type { TensionEvent } from "./events.js";
import { evolveTension } from "./evolve.js";
import { type TensionState, initialTensionState } from "./state.js";

export const tensionDecider: Decider<TensionCommand, TensionEvent, TensionState> = {
  initialState: initialTensionState,
  evolve: evolveTension,
  decide: decideTension,
};

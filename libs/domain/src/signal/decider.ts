import type { Decider } from "../shared/decider.js";
import type { SignalCommand } from "./commands.js";
import { decideSignal } from "./decide.js";
import type { SignalEvent } from "./events.js";
import { evolveSignal } from "./evolve.js";
import { type SignalState, initialSignalState } from "./state.js";

export const signalDecider: Decider<SignalCommand, SignalEvent, SignalState> = {
  initialState: initialSignalState,
  evolve: evolveSignal,
  decide: decideSignal,
};

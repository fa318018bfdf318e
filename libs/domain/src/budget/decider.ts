import type { Decider } from "../shared/decider.js";
import type { BudgetCommand } from "./commands.js";
import { decideBudget } from "./decide.js";
import type { BudgetEvent } from "./events.js";
import { evolveBudget } from "./evolve.js";
import { type BudgetState, initialBudgetState } from "./state.js";

export const budgetDecider: Decider<BudgetCommand, BudgetEvent, BudgetState> = {
  initialState: initialBudgetState,
  evolve: evolveBudget,
  decide: decideBudget,
};

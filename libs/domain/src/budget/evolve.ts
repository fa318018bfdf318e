import { assertNever } from "../shared/assert-never.js";
import type { BudgetEvent } from "./events.js";
import type { BudgetState } from "./state.js";

export const evolveBudget = (state: BudgetState, event: BudgetEvent): BudgetState => {
  switch (event.type) {
    case "BudgetProposed":
      return { status: "proposed" };
    case "BudgetApproved":
      return state.status === "unproposed" ? state : { status: "approved" };
    case "BudgetAmended":
    case "ExternalFundingRecorded":
    case "ValueReflectionRecorded":
      return state;
    default:
      return assertNever(event, "budget event");
  }
};

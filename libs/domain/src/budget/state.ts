import type { BudgetLine } from "./events.js";

export type BudgetState =
  | { readonly status: "unproposed" }
  | {
      readonly status: "proposed" | "approved";
      /** As proposed, or as the latest amendment left them. */
      readonly lines: ReadonlyArray<BudgetLine>;
    };

export const initialBudgetState: BudgetState = { status: "unproposed" };

/** The sum of the current lines once the budget is approved; undefined before. */
export const approvedTotalSek = (state: BudgetState): number | undefined =>
  state.status === "approved" ? state.lines.reduce((total, line) => total + line.amountSek, 0) : undefined;

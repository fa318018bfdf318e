/** The budget's rules need only how far it has come; its lines live in the events and read model. */
export type BudgetState = { readonly status: "unproposed" | "proposed" | "approved" };

export const initialBudgetState: BudgetState = { status: "unproposed" };

import type { BudgetLineId } from "../shared/schema-primitives.js";
import type { ExternalFundingId, ExternalFundingStatus } from "./events.js";

export interface ExternalFundingInState {
  readonly status: ExternalFundingStatus;
  readonly lineId: BudgetLineId | undefined;
}

/**
 * The budget's rules need how far it has come, which lines are in force (external funding
 * is linked only to one of them) and the status of each external funding with an id; the
 * amounts live in the events and the read model.
 */
export type BudgetState = {
  readonly status: "unproposed" | "proposed" | "approved";
  /** The budget's year, once proposed: contributions in kind lie within it. */
  readonly year: number | undefined;
  readonly lineIds: ReadonlyArray<BudgetLineId>;
  readonly externalFunding: ReadonlyMap<ExternalFundingId, ExternalFundingInState>;
};

export const initialBudgetState: BudgetState = {
  status: "unproposed",
  year: undefined,
  lineIds: [],
  externalFunding: new Map(),
};

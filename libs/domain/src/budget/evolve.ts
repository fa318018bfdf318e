import { assertNever } from "../shared/assert-never.js";
import type { BudgetEvent, ExternalFundingId } from "./events.js";
import type { BudgetState, ExternalFundingInState } from "./state.js";

/** The funding with `change` applied; a funding without an id, or never recorded, is left alone. */
const withFunding = (
  state: BudgetState,
  fundingId: ExternalFundingId | undefined,
  change: (funding: ExternalFundingInState | undefined) => ExternalFundingInState | undefined,
): BudgetState => {
  const changed = fundingId === undefined ? undefined : change(state.externalFunding.get(fundingId));
  return fundingId === undefined || changed === undefined
    ? state
    : { ...state, externalFunding: new Map(state.externalFunding).set(fundingId, changed) };
};

export const evolveBudget = (state: BudgetState, event: BudgetEvent): BudgetState => {
  // Events before the proposal (a broken stream) fold to nothing.
  if (state.status === "unproposed" && event.type !== "BudgetProposed") return state;
  switch (event.type) {
    case "BudgetProposed":
      return { ...state, status: "proposed", year: event.data.year, lineIds: event.data.lines.map((line) => line.lineId) };
    case "BudgetApproved":
      return { ...state, status: "approved" };
    case "BudgetAmended":
      return { ...state, lineIds: event.data.lines.map((line) => line.lineId) };
    case "ExternalFundingRecorded": {
      const { fundingId, status = "granted", lineId } = event.data;
      return withFunding(state, fundingId, () => ({ status, lineId }));
    }
    case "ExternalFundingStatusChanged":
      return withFunding(state, event.data.fundingId, (funding) => funding && { ...funding, status: event.data.status });
    case "ExternalFundingLinked":
      return withFunding(state, event.data.fundingId, (funding) => funding && { ...funding, lineId: event.data.lineId });
    case "ValueReflectionRecorded":
    case "ContributionInKindRecorded":
      return state;
    default:
      return assertNever(event, "budget event");
  }
};

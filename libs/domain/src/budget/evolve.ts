import { assertNever } from "../shared/assert-never.js";
import { FoldDrafts } from "../shared/fold-drafts.js";
import type { BudgetEvent, ExternalFundingId } from "./events.js";
import type { BudgetState, ExternalFundingInState } from "./state.js";

/** The funding with `change` applied; a funding without an id, or never recorded, is left alone. */
const withFunding = (
  state: BudgetState,
  drafts: FoldDrafts,
  fundingId: ExternalFundingId | undefined,
  change: (funding: ExternalFundingInState | undefined) => ExternalFundingInState | undefined,
): BudgetState => {
  const changed = fundingId === undefined ? undefined : change(state.externalFunding.get(fundingId));
  return fundingId === undefined || changed === undefined
    ? state
    : { ...state, externalFunding: drafts.map(state.externalFunding).set(fundingId, changed) };
};

/** Writes only the collections `drafts` says this fold owns (fold-drafts.ts); alone, it owns none. */
export const evolveBudget = (state: BudgetState, event: BudgetEvent, drafts = new FoldDrafts()): BudgetState => {
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
      return withFunding(state, drafts, fundingId, () => ({ status, lineId }));
    }
    case "ExternalFundingStatusChanged":
      return withFunding(state, drafts, event.data.fundingId, (funding) => funding && { ...funding, status: event.data.status });
    case "ExternalFundingLinked":
      return withFunding(state, drafts, event.data.fundingId, (funding) => funding && { ...funding, lineId: event.data.lineId });
    case "ValueReflectionRecorded":
    case "ContributionInKindRecorded":
      return state;
    default:
      return assertNever(event, "budget event");
  }
};

import { assertNever } from "../shared/assert-never.js";
import { FoldDrafts } from "../shared/fold-drafts.js";
import type { OrganisationEvent } from "./events.js";
import type { OrganisationState } from "./state.js";

/** Writes only the collections `drafts` says this fold owns (fold-drafts.ts); alone, it owns none. */
export const evolveOrganisation = (
  state: OrganisationState,
  event: OrganisationEvent,
  drafts = new FoldDrafts(),
): OrganisationState => {
  switch (event.type) {
    case "OrganisationRegistered":
      return { status: "registered", name: event.data.name, contexts: new Map() };
    case "GoverningContextMapped":
      return state.status === "registered"
        ? { ...state, contexts: drafts.map(state.contexts).set(event.data.contextId, "mapped") }
        : state;
    case "GoverningContextRetired":
      return state.status === "registered"
        ? { ...state, contexts: drafts.map(state.contexts).set(event.data.contextId, "retired") }
        : state;
    default:
      return assertNever(event, "organisation event");
  }
};

import { assertNever } from "../shared/assert-never.js";
import type { OrganisationEvent } from "./events.js";
import type { OrganisationState } from "./state.js";

export const evolveOrganisation = (state: OrganisationState, event: OrganisationEvent): OrganisationState => {
  switch (event.type) {
    case "OrganisationRegistered":
      return { status: "registered", name: event.data.name, contexts: new Map() };
    case "GoverningContextMapped":
      return state.status === "registered"
        ? { ...state, contexts: new Map(state.contexts).set(event.data.contextId, "mapped") }
        : state;
    case "GoverningContextRetired":
      return state.status === "registered"
        ? { ...state, contexts: new Map(state.contexts).set(event.data.contextId, "retired") }
        : state;
    default:
      return assertNever(event, "organisation event");
  }
};

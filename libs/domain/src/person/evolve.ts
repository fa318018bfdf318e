import { assertNever } from "../shared/assert-never.js";
import type { PersonEvent } from "./events.js";
import type { PersonState } from "./state.js";

export const evolvePerson = (state: PersonState, event: PersonEvent): PersonState => {
  switch (event.type) {
    case "PersonRegistered":
      return { status: "registered", coreTeam: new Map() };
    case "CoreTeamMembershipStarted":
      return state.status === "unregistered"
        ? state
        : { ...state, coreTeam: new Map(state.coreTeam).set(event.data.focusArea, event.data.on) };
    case "CoreTeamMembershipEnded": {
      if (state.status === "unregistered") return state;
      const coreTeam = new Map(state.coreTeam);
      coreTeam.delete(event.data.focusArea);
      return { ...state, coreTeam };
    }
    case "PersonErased":
      return state.status === "unregistered" ? state : { ...state, status: "erased" };
    default:
      return assertNever(event, "person event");
  }
};

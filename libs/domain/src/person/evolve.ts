import { assertNever } from "../shared/assert-never.js";
import { FoldDrafts } from "../shared/fold-drafts.js";
import type { PersonEvent } from "./events.js";
import { type PersonState, loginKey } from "./state.js";

/** Writes only the collections `drafts` says this fold owns (fold-drafts.ts); alone, it owns none. */
export const evolvePerson = (state: PersonState, event: PersonEvent, drafts = new FoldDrafts()): PersonState => {
  switch (event.type) {
    case "PersonRegistered":
      return { status: "registered", coreTeam: new Map(), logins: new Set(), unlinkedLogins: new Set() };
    case "CoreTeamMembershipStarted":
      return state.status === "unregistered"
        ? state
        : { ...state, coreTeam: drafts.map(state.coreTeam).set(event.data.focusArea, event.data.on) };
    case "CoreTeamMembershipEnded": {
      if (state.status === "unregistered") return state;
      const coreTeam = drafts.map(state.coreTeam);
      coreTeam.delete(event.data.focusArea);
      return { ...state, coreTeam };
    }
    case "PersonLoginLinked":
      return state.status === "unregistered" ? state : { ...state, logins: drafts.set(state.logins).add(loginKey(event.data)) };
    case "PersonLoginUnlinked": {
      if (state.status === "unregistered") return state;
      const logins = drafts.set(state.logins);
      logins.delete(loginKey(event.data));
      return { ...state, logins, unlinkedLogins: drafts.set(state.unlinkedLogins).add(loginKey(event.data)) };
    }
    case "PersonErased":
      return state.status === "unregistered" ? state : { ...state, status: "erased" };
    default:
      return assertNever(event, "person event");
  }
};

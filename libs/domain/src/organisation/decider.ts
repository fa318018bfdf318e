import type { Decider } from "../shared/decider.js";
import type { OrganisationCommand } from "./commands.js";
import { decideOrganisation } from "./decide.js";
import type { OrganisationEvent } from "./events.js";
import { evolveOrganisation } from "./evolve.js";
import { type OrganisationState, initialOrganisationState } from "./state.js";

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: initialOrganisationState,
  evolve: evolveOrganisation,
  decide: decideOrganisation,
};

import { assertNever } from "../shared/assert-never.js";
import { type Decision, accept, reject } from "../shared/decision.js";
import { IdTaken } from "../shared/errors.js";
import type { OrganisationCommand } from "./commands.js";
import {
  GoverningContextNotMapped,
  GoverningContextRetiredError,
  OrganisationAlreadyRegistered,
  OrganisationNotRegistered,
} from "./errors.js";
import type { OrganisationEvent } from "./events.js";
import type { OrganisationState } from "./state.js";

export const decideOrganisation = (command: OrganisationCommand, state: OrganisationState): Decision<OrganisationEvent> => {
  if (command.type === "RegisterOrganisation") {
    return state.status === "registered"
      ? reject(new OrganisationAlreadyRegistered({ detail: `${state.name} is already registered` }))
      : accept({ type: "OrganisationRegistered", data: command.data });
  }
  if (state.status !== "registered") {
    return reject(new OrganisationNotRegistered({ detail: "Register the organisation first" }));
  }
  switch (command.type) {
    case "MapGoverningContext":
      // Mapping an id again would also bring a retired context back to life.
      return state.contexts.has(command.data.contextId)
        ? reject(new IdTaken({ detail: `Context ${command.data.contextId} already exists` }))
        : accept({ type: "GoverningContextMapped", data: command.data });
    case "RetireGoverningContext": {
      const status = state.contexts.get(command.data.contextId);
      if (status === undefined) {
        return reject(new GoverningContextNotMapped({ detail: `Context ${command.data.contextId} is not mapped` }));
      }
      if (status === "retired") {
        return reject(new GoverningContextRetiredError({ detail: `Context ${command.data.contextId} is already retired` }));
      }
      return accept({ type: "GoverningContextRetired", data: command.data });
    }
    default:
      return assertNever(command, "organisation command");
  }
};

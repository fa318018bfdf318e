import type { CommandRecording } from "../shared/decider.js";
import { type OrganisationEventOf, organisationEvents as events } from "./events.js";

// HTTP bodies. The context id is minted by the application (map) or taken from the path.
export const RegisterOrganisationInput = events.OrganisationRegistered.schema;
export const MapGoverningContextInput = events.GoverningContextMapped.schema.omit({ contextId: true });
export const RetireGoverningContextInput = events.GoverningContextRetired.schema.omit({ contextId: true });

export type OrganisationCommand =
  | CommandRecording<"RegisterOrganisation", OrganisationEventOf<"OrganisationRegistered">>
  | CommandRecording<"MapGoverningContext", OrganisationEventOf<"GoverningContextMapped">>
  | CommandRecording<"RetireGoverningContext", OrganisationEventOf<"GoverningContextRetired">>;

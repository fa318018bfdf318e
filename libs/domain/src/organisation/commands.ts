import type { CommandRecording } from "../shared/decider.js";
import type { OrganisationEventOf } from "./events.js";

export type OrganisationCommand =
  | CommandRecording<"RegisterOrganisation", OrganisationEventOf<"OrganisationRegistered">>
  | CommandRecording<"MapGoverningContext", OrganisationEventOf<"GoverningContextMapped">>
  | CommandRecording<"RetireGoverningContext", OrganisationEventOf<"GoverningContextRetired">>;

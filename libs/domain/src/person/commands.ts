import { z } from "zod";
import type { CommandRecording } from "../shared/decider.js";
import { OrganisationId, name } from "../shared/schema-primitives.js";
import { type PersonEventOf, personEvents as events } from "./events.js";

/** What a client sends; the application seals name and email before the decider sees them. */
export const RegisterPersonInput = z.strictObject({
  organisationId: OrganisationId,
  name,
  email: z.email().max(254).optional(),
});
export const CoreTeamMembershipInput = events.CoreTeamMembershipStarted.schema;
/** The erasure carries nothing: the application dates it today. */
export const ErasePersonInput = z.strictObject({});

/** Fact: the person's organisation is registered. */
interface OrganisationFacts {
  readonly organisationRegistered: boolean;
}

export type PersonCommand =
  | CommandRecording<"RegisterPerson", PersonEventOf<"PersonRegistered">, OrganisationFacts>
  | CommandRecording<"StartCoreTeamMembership", PersonEventOf<"CoreTeamMembershipStarted">>
  | CommandRecording<"EndCoreTeamMembership", PersonEventOf<"CoreTeamMembershipEnded">>
  | CommandRecording<"ErasePerson", PersonEventOf<"PersonErased">>;

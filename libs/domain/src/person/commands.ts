import type { CommandRecording } from "../shared/decider.js";
import type { PersonEventOf } from "./events.js";

/** Fact: the login's holder, when another person than this one holds it. */
interface LoginFacts {
  readonly heldByAnotherPerson?: string;
}

/** Fact: the person's organisation is registered. */
interface OrganisationFacts {
  readonly organisationRegistered: boolean;
}

export type PersonCommand =
  | CommandRecording<"RegisterPerson", PersonEventOf<"PersonRegistered">, OrganisationFacts>
  | CommandRecording<"StartCoreTeamMembership", PersonEventOf<"CoreTeamMembershipStarted">>
  | CommandRecording<"EndCoreTeamMembership", PersonEventOf<"CoreTeamMembershipEnded">>
  | CommandRecording<"ErasePerson", PersonEventOf<"PersonErased">>
  | CommandRecording<"LinkLogin", PersonEventOf<"PersonLoginLinked">, LoginFacts>
  | CommandRecording<"UnlinkLogin", PersonEventOf<"PersonLoginUnlinked">>;

import { rule } from "../shared/rule-violation.js";

export class PersonAlreadyRegistered extends rule("person-already-registered", {
  en: "The person is already registered",
  sv: "Personen är redan registrerad",
}) {}

export class PersonErasedError extends rule("person-erased", {
  en: "The person's data has been erased",
  sv: "Personens uppgifter är raderade",
}) {}

export class AlreadyCoreTeamMember extends rule("already-core-team-member", {
  en: "The person is already a Core Team member for this focus area",
  sv: "Personen är redan med i Core Team för fokusområdet",
}) {}

export class NotCoreTeamMember extends rule("not-core-team-member", {
  en: "The person is not a Core Team member for this focus area",
  sv: "Personen är inte med i Core Team för fokusområdet",
}) {}

export class MembershipEndsBeforeStart extends rule("membership-ends-before-start", {
  en: "A membership cannot end before it started",
  sv: "Ett medlemskap kan inte upphöra innan det har börjat",
}) {}

/** Shared by every stream that refers to people (leads, participants, attendees). */
export class PersonNotRegistered extends rule("person-not-registered", {
  en: "Every person referred to must be registered",
  sv: "Varje person som anges måste vara registrerad",
}) {}

export class LoginHeldByAnotherPerson extends rule("login-held-by-another-person", {
  en: "The login is linked to another person",
  sv: "Inloggningen är kopplad till en annan person",
}) {}

export class LoginNotLinked extends rule("login-not-linked", {
  en: "The login is not linked to this person",
  sv: "Inloggningen är inte kopplad till personen",
}) {}

export class LoginLinkNeedsAdmin extends rule("login-link-needs-admin", {
  en: "Only an admin may link this login",
  sv: "Bara en administratör kan koppla den här inloggningen",
}) {}

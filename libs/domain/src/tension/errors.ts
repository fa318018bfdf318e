import { rule } from "../shared/rule-violation.js";

export class TensionAlreadyRaised extends rule("tension-already-raised", {
  en: "The tension is already raised",
  sv: "Spänningen är redan lyft",
}) {}

export class TensionNotRaised extends rule("tension-not-raised", {
  en: "No such tension has been raised",
  sv: "Ingen sådan spänning har lyfts",
}) {}

export class TensionClosed extends rule("tension-closed", {
  en: "The tension is resolved or dropped and takes no further event",
  sv: "Spänningen är löst eller avskriven och tar inte emot fler händelser",
}) {}

export class TensionDatedInFuture extends rule("tension-dated-in-future", {
  en: "What happens to a tension is recorded by today at the latest",
  sv: "Det som händer med en spänning registreras senast i dag",
}) {}

export class TensionDatedBeforeRaised extends rule("tension-dated-before-raised", {
  en: "Nothing can happen to a tension before the day it was raised",
  sv: "Inget kan hända med en spänning före den dag den lyftes",
}) {}

import { rule } from "../shared/rule-violation.js";

export class MeetingAlreadyHeld extends rule("meeting-already-held", {
  en: "The meeting is already recorded",
  sv: "Mötet är redan registrerat",
}) {}

export class MeetingNotHeld extends rule("meeting-not-held", {
  en: "The meeting is not recorded",
  sv: "Mötet är inte registrerat",
}) {}

export class AttendeeAlsoAbsent extends rule("attendee-also-absent", {
  en: "A person cannot both attend and be absent",
  sv: "En person kan inte både närvara och vara frånvarande",
}) {}

export class MinutesFrozen extends rule("minutes-frozen", {
  en: "The minutes are approved; only a correction may be added",
  sv: "Protokollet är justerat; endast en rättelse kan läggas till",
}) {}

export class MinutesAlreadyApproved extends rule("minutes-already-approved", {
  en: "The minutes are already approved",
  sv: "Protokollet är redan justerat",
}) {}

export class MinutesNotApproved extends rule("minutes-not-approved", {
  en: "Only approved minutes take corrections; record a comment instead",
  sv: "Endast ett justerat protokoll kan rättas; lägg till en kommentar i stället",
}) {}

/** Shared by every command that cites a decision: the cited meeting must have recorded it. */
export class DecisionNotFound extends rule("decision-not-found", {
  en: "No meeting recorded the decision referred to",
  sv: "Inget möte har protokollfört det beslut som anges",
}) {}

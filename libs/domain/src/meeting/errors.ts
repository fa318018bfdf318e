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

export class AgendaItemsAlike extends rule("agenda-items-alike", {
  en: "Each agenda item has a title of its own",
  sv: "Varje punkt på dagordningen har en egen rubrik",
}) {}

export class MeetingWithoutAttendees extends rule("meeting-without-attendees", {
  en: "A meeting held has someone present",
  sv: "Ett möte som hållits har någon närvarande",
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

export class MeetingNotYetHeld extends rule("meeting-not-yet-held", {
  en: "The meeting is planned but not yet held",
  sv: "Mötet är planerat men har inte hållits än",
}) {}

export class AdjustersNotDistinct extends rule("adjusters-not-distinct", {
  en: "The minutes need two different adjusters",
  sv: "Protokollet ska justeras av två olika justerare",
}) {}

export class MinutesUnderAdjustment extends rule("minutes-under-adjustment", {
  en: "An adjuster has adjusted the minutes; nothing may change before they are approved",
  sv: "En justerare har justerat protokollet; inget kan ändras innan det är justerat",
}) {}

export class NoAdjustersAppointed extends rule("no-adjusters-appointed", {
  en: "No adjusters are appointed for the minutes",
  sv: "Inga justerare är utsedda för protokollet",
}) {}

export class NotAnAdjuster extends rule("not-an-adjuster", {
  en: "Only the two adjusters of the minutes may adjust them",
  sv: "Endast protokollets två justerare kan justera det",
}) {}

export class MinutesApprovedByAdjusters extends rule("minutes-approved-by-adjusters", {
  en: "The minutes have adjusters; they are approved when both have adjusted them",
  sv: "Protokollet har justerare; det är justerat när båda justerarna har justerat det",
}) {}

export class ParagraphNotOnAgenda extends rule("paragraph-not-on-agenda", {
  en: "The agenda has no such paragraph (§)",
  sv: "Dagordningen har ingen sådan paragraf (§)",
}) {}

export class NextStepNotFound extends rule("next-step-not-found", {
  en: "The minutes have no such next step",
  sv: "Protokollet har inget sådant nästa steg",
}) {}

export class NextStepClosed extends rule("next-step-closed", {
  en: "The next step is already done or dropped",
  sv: "Nästa steg är redan klart eller struket",
}) {}

export class NextStepDatedBeforeMeeting extends rule("next-step-dated-before-meeting", {
  en: "A next step cannot be done or dropped before the meeting that agreed it",
  sv: "Ett nästa steg kan inte bli klart eller strykas före mötet som kom överens om det",
}) {}

export class MeetingHeldInFuture extends rule("meeting-held-in-future", {
  en: "A meeting is recorded as held on today at the latest; plan a meeting ahead instead",
  sv: "Ett möte registreras som hållet senast i dag; planera i stället ett möte som ligger framåt",
}) {}

export class NextStepClosedInFuture extends rule("next-step-closed-in-future", {
  en: "A next step is marked done or dropped from today at the latest",
  sv: "Ett nästa steg markeras som klart eller struket senast i dag",
}) {}

export class DelegationDecisionNotFound extends rule("delegation-decision-not-found", {
  en: "No mandate was changed without a meeting decision at the place referred to",
  sv: "Det som anges är inte ett delegationsbeslut: inget mandat ändrades där utan beslut på ett möte",
}) {}

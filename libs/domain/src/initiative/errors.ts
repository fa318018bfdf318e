import { rule } from "../shared/rule-violation.js";

export class InitiativeAlreadyRegistered extends rule("initiative-already-registered", {
  en: "The initiative is already registered",
  sv: "Initiativet är redan registrerat",
}) {}

export class InitiativeClosed extends rule("initiative-closed", {
  en: "The initiative is closed and takes no further command",
  sv: "Initiativet är avslutat och tar inte emot fler kommandon",
}) {}

export class NotALead extends rule("not-a-lead", {
  en: "The person is not assigned to the initiative",
  sv: "Personen är inte tilldelad initiativet",
}) {}

export class GoalNotFound extends rule("goal-not-found", {
  en: "The initiative has no such goal",
  sv: "Initiativet har inget sådant mål",
}) {}

export class GoalNotActive extends rule("goal-not-active", {
  en: "The goal is achieved or dropped and takes no revision",
  sv: "Målet är uppnått eller strukits och kan inte revideras",
}) {}

export class MandateRequiresActiveGoal extends rule("mandate-requires-active-goal", {
  en: "A mandate can only be granted while the initiative has an active goal",
  sv: "Ett mandat kan bara ges när initiativet har ett aktivt mål",
}) {}

export class MandatesOverlap extends rule("mandates-overlap", {
  en: "Two mandates of one initiative may not be in force on the same day",
  sv: "Två mandat för samma initiativ får inte gälla samma dag",
}) {}

export class MandateValidityInvalid extends rule("mandate-validity-invalid", {
  en: "The day the mandate is valid until must be after the day it is valid from",
  sv: "Dagen mandatet gäller till måste vara efter dagen det gäller från",
}) {}

export class MandateNotFound extends rule("mandate-not-found", {
  en: "The initiative has no such mandate",
  sv: "Initiativet har inget sådant mandat",
}) {}

export class MandateRevoked extends rule("mandate-revoked", {
  en: "The mandate is revoked and takes no further amendment or renewal",
  sv: "Mandatet är återkallat och kan inte ändras eller förnyas",
}) {}

export class RenewalNotLater extends rule("renewal-not-later", {
  en: "A renewal must move the day the mandate is valid until later",
  sv: "En förnyelse måste flytta dagen mandatet gäller till framåt",
}) {}

export class EffectiveDateOutsideValidity extends rule("effective-date-outside-validity", {
  en: "The change must take effect on a day the mandate is valid",
  sv: "Ändringen måste gälla från en dag då mandatet gäller",
}) {}

export class TriggerNotFound extends rule("trigger-not-found", {
  en: "The signal or tension named as trigger does not concern this initiative",
  sv: "Signalen eller spänningen som anges som orsak gäller inte detta initiativ",
}) {}

/** Shared by the mandate commands and the signals that cite a clause (docs/domain.md "Clauses"). */
export class ClauseNotInMandate extends rule("clause-not-in-mandate", {
  en: "The clause named is not among the mandate's terms on that day",
  sv: "Punkten som anges finns inte bland mandatets villkor den dagen",
}) {}

export class CheckInInFuture extends rule("check-in-in-future", {
  en: "A check-in cannot be recorded before it is held",
  sv: "En avstämning kan inte registreras innan den har hållits",
}) {}

export class NextCheckInNotAfter extends rule("next-check-in-not-after", {
  en: "The next check-in must come after this one",
  sv: "Nästa avstämning måste komma efter denna",
}) {}

export class GoverningContextNotLinked extends rule("governing-context-not-linked", {
  en: "The governing context is not linked to the initiative",
  sv: "Det styrande sammanhanget är inte kopplat till initiativet",
}) {}

export class InitiativeNotRegistered extends rule("initiative-not-registered", {
  en: "The initiative is not registered",
  sv: "Initiativet är inte registrerat",
}) {}

export class ClosureInFuture extends rule("closure-in-future", {
  en: "An initiative is closed from today at the latest",
  sv: "Ett initiativ avslutas senast i dag",
}) {}

export class IndicatorReadingInFuture extends rule("indicator-reading-in-future", {
  en: "An indicator reading cannot be dated after today",
  sv: "Ett mätvärde kan inte dateras efter i dag",
}) {}

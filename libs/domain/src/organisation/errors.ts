import { rule } from "../shared/rule-violation.js";

export class OrganisationAlreadyRegistered extends rule("organisation-already-registered", {
  en: "The organisation is already registered",
  sv: "Organisationen är redan registrerad",
}) {}

export class OrganisationNotRegistered extends rule("organisation-not-registered", {
  en: "The organisation is not registered",
  sv: "Organisationen är inte registrerad",
}) {}

export class GoverningContextNotMapped extends rule("governing-context-not-mapped", {
  en: "No such governing context is mapped for the organisation",
  sv: "Det styrande sammanhanget finns inte kartlagt för organisationen",
}) {}

export class GoverningContextRetiredError extends rule("governing-context-retired", {
  en: "The governing context is retired",
  sv: "Det styrande sammanhanget är avvecklat",
}) {}

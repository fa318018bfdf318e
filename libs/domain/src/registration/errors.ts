import { rule } from "../shared/rule-violation.js";

export class RegistrationNumberAlreadyAssigned extends rule("registration-number-already-assigned", {
  en: "The minutes or the decision already have a registration number",
  sv: "Protokollet eller beslutet har redan ett diarienummer",
}) {}

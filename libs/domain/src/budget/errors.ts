import { rule } from "../shared/rule-violation.js";

export class BudgetAlreadyProposed extends rule("budget-already-proposed", {
  en: "A budget for this focus area and year is already proposed",
  sv: "En budget för fokusområdet och året är redan föreslagen",
}) {}

export class BudgetNotProposed extends rule("budget-not-proposed", {
  en: "No budget is proposed for this focus area and year",
  sv: "Ingen budget är föreslagen för fokusområdet och året",
}) {}

export class BudgetAlreadyApproved extends rule("budget-already-approved", {
  en: "The budget is already approved",
  sv: "Budgeten är redan beslutad",
}) {}

export class BudgetNotApproved extends rule("budget-not-approved", {
  en: "Only an approved budget can be amended",
  sv: "Endast en beslutad budget kan ändras",
}) {}

export class BudgetDecisionKind extends rule("budget-decision-kind", {
  en: "A budget is approved or amended only by a budget decision",
  sv: "En budget beslutas eller ändras endast genom ett budgetbeslut",
}) {}

export class BudgetLineNotFound extends rule("budget-line-not-found", {
  en: "The budget has no such budget line in force",
  sv: "Budgeten har ingen sådan gällande budgetpost",
}) {}

export class ExternalFundingNotFound extends rule("external-funding-not-found", {
  en: "The budget records no such external funding",
  sv: "Budgeten har ingen sådan extern finansiering",
}) {}

export class ExternalFundingAlreadyDecided extends rule("external-funding-already-decided", {
  en: "The external funding is already granted or rejected",
  sv: "Den externa finansieringen är redan beviljad eller avslagen",
}) {}

export class ContributionPeriodInvalid extends rule("contribution-period-invalid", {
  en: "A contribution in kind must end on or after the day it starts",
  sv: "En insats i natura måste sluta samma dag som den börjar eller senare",
}) {}

export class ContributionOutsideBudgetYear extends rule("contribution-outside-budget-year", {
  en: "A contribution in kind must lie within the budget's year",
  sv: "En insats i natura måste ligga inom budgetåret",
}) {}

export class CitationNotFound extends rule("citation-not-found", {
  en: "A value reflection cites only goals and indicator readings of the initiative it names",
  sv: "En reflektion kring värdet hänvisar bara till mål och mätvärden för det initiativ den gäller",
}) {}

import { defineMessages } from "../../i18n/define-messages";

// The words of /budget, a focus area's budget per year.

export const messages = defineMessages(
  {
    title: "Budget",
    intro:
      "Fokusområdets budget per år, bredvid den externa finansieringen och insatserna i natura: den arbetstid organisationerna ger. Bilden finns också som tabell.",
    choices: "Visa budgeten",
    focusArea: "Fokusområde",
    year: "År",
    noFocusArea: "Du hör inte till något fokusområde, så det finns ingen budget att visa.",
    noBudget: (year: number, area: string) => `Det finns ingen budget för ${year} i ${area}.`,
    noBudgetHint: "Välj ett annat år ovan.",
    yearWithoutBudget: (year: number) => `${year} (ingen budget)`,
    status: { approved: "beslutad", proposed: "föreslagen" } as Record<string, string>,
    statusColumn: "Status",
    yearLabel: (year: number, status: string) => `${year} (${status})`,
    budget: "Budget",
    granted: "Extern finansiering, beviljad",
    applied: "Extern finansiering, sökt",
    inKind: "Insatser i natura",
    inKindHours: "Insatser i natura, timmar",
    chart: (area: string) => `Budget per år mot extern finansiering och insatser i natura, ${area}`,
    summary: (area: string, parts: string) => `Stapeldiagram för ${area}: ${parts}.`,
    summaryYear: (year: string, budget: string, granted: string, applied: string, inKind: string) =>
      `${year}: budget ${budget}, extern finansiering beviljad ${granted} och sökt ${applied}, insatser i natura ${inKind}`,
    table: (area: string) => `Budget, extern finansiering och insatser i natura per år, ${area}`,
    hours: (hours: string) => `${hours} timmar`,
    withInKind: (year: number, total: string) => `Budgeten för ${year} med insatserna i natura räknade: ${total}.`,
  },
  {
    title: "Budget",
    intro:
      "The focus area's budget per year, beside the external funding and the contributions in kind: the staff time the organisations give. The picture is also a table.",
    choices: "Show the budget",
    focusArea: "Focus area",
    year: "Year",
    noFocusArea: "You belong to no focus area, so there is no budget to show.",
    noBudget: (year: number, area: string) => `There is no budget for ${year} in ${area}.`,
    noBudgetHint: "Choose another year above.",
    yearWithoutBudget: (year: number) => `${year} (no budget)`,
    status: { approved: "approved", proposed: "proposed" },
    statusColumn: "Status",
    yearLabel: (year: number, status: string) => `${year} (${status})`,
    budget: "Budget",
    granted: "External funding, granted",
    applied: "External funding, applied for",
    inKind: "Contributions in kind",
    inKindHours: "Contributions in kind, hours",
    chart: (area: string) => `Budget per year against external funding and contributions in kind, ${area}`,
    summary: (area: string, parts: string) => `Bar chart for ${area}: ${parts}.`,
    summaryYear: (year: string, budget: string, granted: string, applied: string, inKind: string) =>
      `${year}: budget ${budget}, external funding granted ${granted} and applied for ${applied}, contributions in kind ${inKind}`,
    table: (area: string) => `Budget, external funding and contributions in kind per year, ${area}`,
    hours: (hours: string) => `${hours} hours`,
    withInKind: (year: number, total: string) => `The budget for ${year} counting the contributions in kind: ${total}.`,
  },
);

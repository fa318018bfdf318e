import { defineMessages } from "../../i18n/define-messages";

type Term = "scope" | "boundaries" | "principles";

export const messages = defineMessages(
  {
    grantMandateTitle: "Ge mandat",
    amendMandateTitle: "Ändra mandatet",
    renewMandateTitle: "Förnya mandatet",
    revokeMandateTitle: "Återkalla mandatet",
    titleFor: (title: string, initiative: string) => `${title}: ${initiative}`,
    onlyCoreTeam: "Bara Core Team kan ge, ändra, förnya och återkalla mandat.",
    noMandateInForce: "Initiativet har inget mandat som gäller i dag, så det finns inget att ändra, förnya eller återkalla.",
    mandateInForce:
      "Initiativet har redan ett mandat som gäller i dag. Ett nytt mandat kan bara börja gälla när det har upphört.",
    backToInitiative: "Tillbaka till initiativet",

    termHint: {
      scope: "Vad initiativet har mandat att göra. Varje punkt får en beteckning (S1, S2 …) som signaler hänvisar till.",
      boundaries: "Vad initiativet inte får göra eller måste lämna till andra. Punkterna heter B1, B2 …",
      principles: "Hur initiativet ska arbeta. Punkterna heter P1, P2 …",
    } as Record<Term, string>,
    newClause: "Ny punkt",
    addClause: (term: string) => `Lägg till en punkt i ${term.toLowerCase()}`,
    removeClause: (label: string) => `Ta bort ${label}`,
    noClauses: "Inga punkter.",

    steering: "Styrning",
    steeringOption: { broad: "Styrning i stora drag", detailed: "Styrning i detalj" } as Record<string, string>,
    validFrom: "Gäller från",
    validUntilOptional: "Gäller till (frivilligt; tomt betyder tills vidare)",
    validUntilNew: "Ny slutdag",
    currentValidity: (from: string, until: string | null) =>
      until ? `Mandatet gäller i dag från ${from} till ${until}.` : `Mandatet gäller från ${from}, tills vidare.`,
    budgetOptional: "Budget i kronor (frivilligt)",
    budget: "Budget i kronor",
    budgetNotANumber: "Skriv budgeten i hela kronor, med siffror",
    reason: "Skäl",
    effectiveFrom: "Gäller från och med",
    revokedFrom: "Upphör att gälla från och med",

    decision: "Vilket beslut bygger det på?",
    noDecision: "Inget mötesbeslut (delegationsbeslut, anmäls till nästa möte)",
    decisionLabel: (date: string, paragraph: number | null, subject: string) =>
      `${date}${paragraph === null ? "" : `, § ${paragraph}`}: ${subject}`,

    changesTitle: "Det här ändras",
    noChanges: "Inget är ändrat ännu.",
    nothingChanged: "Ändra minst en punkt, styrningen eller budgeten",
    steeringChanged: (value: string) => `Styrningen blir: ${value.toLowerCase()}`,
    budgetChanged: (value: string) => `Budgeten blir ${value}`,

    send: {
      grant: "Ge mandatet",
      amend: "Ändra mandatet",
      renew: "Förnya mandatet",
      revoke: "Återkalla mandatet",
    },
    sending: "Skickar …",
    notDone: {
      grant: "Mandatet gavs inte. Rätta följande:",
      amend: "Mandatet ändrades inte. Rätta följande:",
      renew: "Mandatet förnyades inte. Rätta följande:",
      revoke: "Mandatet återkallades inte. Rätta följande:",
    },
    missing: {
      validFrom: "Skriv dagen mandatet börjar gälla",
      validUntil: "Skriv den nya slutdagen",
      steering: "Välj hur initiativet ska styras",
      reason: "Skriv skälet",
      effectiveFrom: "Skriv dagen det gäller från",
    } as Record<string, string>,
    forbidden: "Bara Core Team får ge, ändra, förnya och återkalla mandat.",
  },
  {
    grantMandateTitle: "Grant a mandate",
    amendMandateTitle: "Amend the mandate",
    renewMandateTitle: "Renew the mandate",
    revokeMandateTitle: "Revoke the mandate",
    titleFor: (title, initiative) => `${title}: ${initiative}`,
    onlyCoreTeam: "Only the Core Team can grant, amend, renew and revoke mandates.",
    noMandateInForce: "The initiative has no mandate in force today, so there is nothing to amend, renew or revoke.",
    mandateInForce:
      "The initiative already has a mandate in force today. A new mandate can only come into force once it has ended.",
    backToInitiative: "Back to the initiative",

    termHint: {
      scope: "What the initiative has a mandate to do. Each clause gets an id (S1, S2 …) that signals cite.",
      boundaries: "What the initiative may not do, or must leave to others. Its clauses are B1, B2 …",
      principles: "How the initiative is to work. Its clauses are P1, P2 …",
    },
    newClause: "New clause",
    addClause: (term) => `Add a clause to ${term.toLowerCase()}`,
    removeClause: (label) => `Remove ${label}`,
    noClauses: "No clauses.",

    steering: "Steering",
    steeringOption: { broad: "Broad steering", detailed: "Detailed steering" },
    validFrom: "Valid from",
    validUntilOptional: "Valid until (optional; empty means until further notice)",
    validUntilNew: "New last day",
    currentValidity: (from, until) =>
      until
        ? `Today the mandate is valid from ${from} until ${until}.`
        : `The mandate is valid from ${from}, until further notice.`,
    budgetOptional: "Budget in SEK (optional)",
    budget: "Budget in SEK",
    budgetNotANumber: "Enter the budget in whole kronor, in digits",
    reason: "Reason",
    effectiveFrom: "In effect from",
    revokedFrom: "No longer in force from",

    decision: "Which decision is it based on?",
    noDecision: "No meeting decision (a delegated decision, reported to the next meeting)",
    decisionLabel: (date, paragraph, subject) => `${date}${paragraph === null ? "" : `, § ${paragraph}`}: ${subject}`,

    changesTitle: "What changes",
    noChanges: "Nothing is changed yet.",
    nothingChanged: "Change at least one clause, the steering or the budget",
    steeringChanged: (value) => `The steering becomes: ${value.toLowerCase()}`,
    budgetChanged: (value) => `The budget becomes ${value}`,

    send: {
      grant: "Grant the mandate",
      amend: "Amend the mandate",
      renew: "Renew the mandate",
      revoke: "Revoke the mandate",
    },
    sending: "Sending …",
    notDone: {
      grant: "The mandate was not granted. Please correct the following:",
      amend: "The mandate was not amended. Please correct the following:",
      renew: "The mandate was not renewed. Please correct the following:",
      revoke: "The mandate was not revoked. Please correct the following:",
    },
    missing: {
      validFrom: "Enter the day the mandate comes into force",
      validUntil: "Enter the new last day",
      steering: "Choose how the initiative is to be steered",
      reason: "Write the reason",
      effectiveFrom: "Enter the day it takes effect",
    },
    forbidden: "Only the Core Team may grant, amend, renew and revoke mandates.",
  },
);

export type MandateAction = keyof (typeof messages)["sv"]["send"];

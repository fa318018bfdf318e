import { defineMessages } from "../i18n/define-messages";

// The words every chart shares.

export const messages = defineMessages(
  {
    showTable: "Visa som tabell",
    hideTable: "Dölj tabellen",
    legend: "Förklaring",
  },
  {
    showTable: "Show as a table",
    hideTable: "Hide the table",
    legend: "Key",
  },
);

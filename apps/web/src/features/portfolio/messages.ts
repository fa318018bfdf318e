import { defineMessages } from "../../i18n/define-messages";

export const messages = defineMessages(
  {
    portfolioTitle: "Portfölj",
  },
  {
    portfolioTitle: "Portfolio",
  },
);

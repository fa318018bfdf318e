import { defineMessages } from "../../i18n/define-messages";

export const messages = defineMessages(
  {
    accessibilityStatementTitle: "Tillgänglighetsredogörelse",
  },
  {
    accessibilityStatementTitle: "Accessibility statement",
  },
);

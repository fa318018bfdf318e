import { defineMessages } from "../../i18n/define-messages";

export const messages = defineMessages(
  {
    grantMandateTitle: "Ge mandat",
    amendMandateTitle: "Ändra mandatet",
    renewMandateTitle: "Förnya mandatet",
    revokeMandateTitle: "Återkalla mandatet",
  },
  {
    grantMandateTitle: "Grant a mandate",
    amendMandateTitle: "Amend the mandate",
    renewMandateTitle: "Renew the mandate",
    revokeMandateTitle: "Revoke the mandate",
  },
);

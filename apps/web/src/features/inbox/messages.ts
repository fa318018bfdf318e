import { defineMessages } from "../../i18n/define-messages";

export const messages = defineMessages(
  {
    inboxTitle: "Inkorg för signaler",
    answerSignalTitle: "Svara på signalen",
  },
  {
    inboxTitle: "Signal inbox",
    answerSignalTitle: "Answer the signal",
  },
);

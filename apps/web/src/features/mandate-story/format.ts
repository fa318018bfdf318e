import type { Language } from "../../i18n/messages";

/** An instant as a date and time in Stockholm, in the language ("14 november 2024 09:06"). */
export const formatDateTime = (instant: string, language: Language): string =>
  new Intl.DateTimeFormat(language === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(new Date(instant));

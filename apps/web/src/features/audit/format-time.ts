import type { Language } from "../../i18n/messages";

const LOCALES: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };

/** An instant with its time of day, in Stockholm: when the log was checked, when a seal was made. */
export const formatDateTime = (instant: string | number, language: Language): string =>
  new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "long", timeStyle: "medium", timeZone: "Europe/Stockholm" }).format(
    new Date(instant),
  );

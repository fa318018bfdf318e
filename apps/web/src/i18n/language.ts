import { createContext, useContext } from "react";
import { type Language, MESSAGES, type Messages } from "./messages";

const STORAGE_KEY = "mandat-language";

/**
 * The language to start in: the one chosen with the switch (kept in this browser), else the
 * first of the browser's languages (what it sends as Accept-Language) that we speak, else
 * Swedish, the users' language.
 */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (chosen === "sv" || chosen === "en") return chosen;
  for (const tag of navigator.languages) {
    const primary = tag.toLowerCase().split("-")[0];
    if (primary === "sv" || primary === "en") return primary;
  }
  return "sv";
}

export const rememberLanguage = (language: Language): void => localStorage.setItem(STORAGE_KEY, language);

export interface LanguageContextValue {
  readonly language: Language;
  readonly t: Messages;
  readonly setLanguage: (language: Language) => void;
}

export const LanguageContext = createContext<LanguageContextValue>({
  language: "sv",
  t: MESSAGES.sv,
  setLanguage: () => undefined,
});

export const useLanguage = (): LanguageContextValue => useContext(LanguageContext);

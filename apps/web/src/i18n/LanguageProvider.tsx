import { type ReactNode, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { sv as zodSwedish, en as zodEnglish } from "zod/locales";
import { plainMessage } from "#application/plain-messages";
import { LanguageContext, initialLanguage, rememberLanguage } from "./language";
import { type Language, MESSAGES } from "./messages";

/** Holds the language, and keeps the page's `lang` and zod's messages (used by the forms) in it. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    // Plain words for what people meet most (a field left empty, text too long), zod's for the rest.
    const { localeError } = language === "sv" ? zodSwedish() : zodEnglish();
    z.config({ localeError: (issue) => plainMessage(issue, language) ?? localeError(issue) });
  }, [language]);
  const value = useMemo(
    () => ({
      language,
      t: MESSAGES[language],
      setLanguage: (next: Language) => {
        rememberLanguage(next);
        setLanguage(next);
      },
    }),
    [language],
  );
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

import { type ReactNode, useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { LanguageContext, initialLanguage, rememberLanguage } from "./language";
import { type Language, MESSAGES } from "./messages";
import { zodMessages } from "./zod-messages";

/** Holds the language, and keeps the page's `lang` and zod's messages (used by the forms) in it. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    z.config({ localeError: zodMessages(language) });
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

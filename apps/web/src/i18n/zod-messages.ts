import type { z } from "zod";
import { en as zodEnglish, sv as zodSwedish } from "zod/locales";
import { plainMessage } from "#application/plain-messages";
import type { Language } from "./messages";

/**
 * zod's messages in `language`: plain words for what people meet most (a field left empty,
 * text too long), zod's own for the rest. The page's language sets them for every parse
 * (LanguageProvider); a form checks again with them given, to word what it shows in the
 * language just chosen (use-command-form.ts).
 */
export function zodMessages(language: Language): z.core.$ZodErrorMap {
  const { localeError } = language === "sv" ? zodSwedish() : zodEnglish();
  return (issue) => plainMessage(issue, language) ?? localeError(issue);
}

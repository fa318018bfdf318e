import type { Language } from "./messages";
import { useLanguage } from "./language";

/**
 * A feature's own words in both languages, kept beside its pages (features/<name>/messages.ts)
 * so that no two features edit one file. English must have every Swedish key: `en` is typed by `sv`.
 */
export type MessageTable<M> = Readonly<Record<Language, M>>;

export const defineMessages = <M>(sv: M, en: NoInfer<M>): MessageTable<M> => ({ sv, en });

/** The feature's words in the language the person reads now. */
export function useMessages<M>(table: MessageTable<M>): M {
  const { language } = useLanguage();
  return table[language];
}

import type { Language } from "../../i18n/messages";

/** The decimal mark of each page language: the other mark may be a thousands separator to its reader. */
const DECIMAL_MARK: Readonly<Record<Language, string>> = { sv: ",", en: "." };

/**
 * A number the draft keeps as text (a rating's radio, a number field) as the command's
 * number; an empty field stays undefined, so the schema reports it missing in plain words.
 *
 * Typed numbers take the page language's decimal mark (12,5 in Swedish), and spaces between
 * digit groups (1 000). The other mark (12.5 on the Swedish page) is read as a decimal mark
 * too, unless it could be a thousands separator: three digits after it, and one to three
 * before it, not 0 (1.000, 2.500 on the Swedish page: a thousand, or one with decimals?). That is
 * refused, as anything else that is no number is (NaN, which the form names as unreadable),
 * rather than saved ten or a thousand times wrong.
 */
export const numberOf = (value: string, language: Language = "sv"): number | undefined => {
  const text = value.replace(/[\s\u00a0\u202f]/g, "");
  if (text === "") return undefined;
  const match = /^(-?\d+)(?:([.,])(\d+))?$/.exec(text);
  if (!match) return Number.NaN;
  const [, whole, mark, fraction] = match;
  // A thousands separator follows a first group of one to three digits, not 0, and precedes three.
  const ambiguous =
    mark !== undefined && mark !== DECIMAL_MARK[language] && fraction!.length === 3 && /^-?[1-9]\d{0,2}$/.test(whole!);
  if (ambiguous) return Number.NaN;
  return Number(mark === undefined ? whole : `${whole}.${fraction}`);
};

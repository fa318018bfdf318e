/**
 * A number the draft keeps as text (a rating's radio, a number field) as the command's
 * number; an empty field stays undefined, so the schema reports it missing in plain words.
 *
 * Typed numbers take a comma or a point before the decimals, whichever language the page is
 * in (12,5 and 12.5), and spaces between digit groups (1 000). A number with three digits
 * after its one comma or point and no more than three before (1.000, 2,500) reads as a
 * thousand in one language and as a fraction in the other: it is refused, as anything else
 * that is no number is (NaN, which the form names as unreadable), rather than saved ten or
 * a thousand times wrong.
 */
export const numberOf = (value: string): number | undefined => {
  const text = value.replace(/[\s\u00a0\u202f]/g, "");
  if (text === "") return undefined;
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text) || /^-?\d{1,3}[.,]\d{3}$/.test(text)) return Number.NaN;
  return Number(text.replace(",", "."));
};

/**
 * A number the draft keeps as text (a rating's radio, a number field) as the command's
 * number; an empty field stays undefined, so the schema reports it missing in plain words.
 */
export const numberOf = (value: string): number | undefined => (value === "" ? undefined : Number(value));

import { parseStreamName } from "#domain";

/**
 * The focus area and year a budget stream is named after (`budget-<focusArea>-<year>`).
 * The focus area is a slug that may itself hold dashes, so the year is the last part.
 */
export function parseBudgetStream(streamId: string): { readonly focusArea: string; readonly year: number } {
  const stream = parseStreamName(streamId);
  const parts = stream?.category === "budget" ? /^(.+)-(\d{4})$/.exec(stream.id) : null;
  if (!parts) throw new Error(`${streamId} is not a budget stream (budget-<focusArea>-<year>)`);
  return { focusArea: parts[1]!, year: Number(parts[2]) };
}

/**
 * Stream names are `<category>-<id>` (docs/domain.md "Streams"). The category is everything
 * before the first dash, so ids may contain dashes (UUIDs, budget-<focusArea>-<year>).
 */
export const STREAM_CATEGORIES = [
  "organisation",
  "person",
  "initiative",
  "signal",
  "tension",
  "meeting",
  "budget",
  "registration",
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export const streamName = (category: StreamCategory, id: string): string => `${category}-${id}`;

export const parseStreamName = (streamId: string): { readonly category: StreamCategory; readonly id: string } | undefined => {
  const dash = streamId.indexOf("-");
  const category = streamId.slice(0, dash) as StreamCategory;
  return dash > 0 && STREAM_CATEGORIES.includes(category) ? { category, id: streamId.slice(dash + 1) } : undefined;
};

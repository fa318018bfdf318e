import type { FocusArea } from "../shared/schema-primitives.js";
import { streamName } from "../shared/stream-name.js";

/** A budget has no UUID: one per focus area and year, named `{focusArea}-{year}`. */
export const budgetId = (focusArea: FocusArea | string, year: number): string => `${focusArea}-${year}`;

export const budgetStream = (focusArea: FocusArea | string, year: number): string =>
  streamName("budget", budgetId(focusArea, year));
